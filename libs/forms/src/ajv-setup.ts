import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import ajvErrors from 'ajv-errors';
import type { RegionIndex } from '@kcbx/cn-codes';
import { chineseFormats } from './chinese-formats';
import { customKeywords } from './custom-keywords';

export interface AjvSetupOptions {
  /** Division index for region-code membership; without it only the shape is checked. */
  regions?: RegionIndex;
}

/**
 * The one ajv configuration shared by the API, the browser and the CLI. Strict about what staff author
 * (unknown keywords and formats are errors), lenient only where JSON Schema's own style needs it
 * (required names declared in a sibling `then`, untyped sub-schemas).
 */
export function createFormsAjv(options: AjvSetupOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    $data: true,
    discriminator: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    strictTuples: false,
    messages: true,
    logger: false,
  });
  addFormats(ajv, { keywords: true });
  ajvErrors(ajv);
  for (const [name, format] of Object.entries(chineseFormats(options.regions))) ajv.addFormat(name, format);
  for (const keyword of customKeywords) ajv.addKeyword(keyword);
  return ajv;
}
