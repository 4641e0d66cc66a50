import { type FormDefinition, parseFormDefinition } from '@kcbx/forms';
import * as path from 'path';
import type { SourceFile } from './package-files';
import type { Problem } from './problem';

export interface CheckedForms {
  /** form key → the file that defines it */
  byKey: Map<string, { file: string; definition: FormDefinition }>;
  problems: Problem[];
}

/**
 * Each form through `parseFormDefinition` (the same check the API runs on deploy, with line numbers), plus
 * the package conventions: the file is named `<key>.form.json` and no two files define one key.
 */
export function checkForms(files: SourceFile[]): CheckedForms {
  const byKey = new Map<string, { file: string; definition: FormDefinition }>();
  const problems: Problem[] = [];
  for (const f of files) {
    const parsed = parseFormDefinition(f.text, f.file);
    if (!parsed.ok) {
      for (const e of parsed.errors) {
        problems.push({
          file: f.file,
          line: e.line,
          column: e.column,
          code: `FORM_${e.keyword.toUpperCase().replace(/\W/g, '_')}`,
          zh: `${e.path ? `${e.path}：` : ''}${e.message.zh}`,
          en: `${e.path ? `${e.path}: ` : ''}${e.message.en}`,
        });
      }
      continue;
    }
    const { key } = parsed.definition;
    const expected = `${key}.form.json`;
    if (path.basename(f.file) !== expected) {
      problems.push({
        file: f.file,
        line: 1,
        code: 'FORM_FILE_NAME',
        zh: `表单键为“${key}”，文件应命名为 ${expected}`,
        en: `the form key is "${key}", so the file should be named ${expected}`,
      });
    }
    const other = byKey.get(key);
    if (other) {
      problems.push({
        file: f.file,
        line: 1,
        code: 'FORM_KEY_DUPLICATE',
        zh: `表单键“${key}”已在 ${other.file} 中定义`,
        en: `form key "${key}" is already defined in ${other.file}`,
      });
      continue;
    }
    byKey.set(key, { file: f.file, definition: parsed.definition });
  }
  return { byKey, problems };
}
