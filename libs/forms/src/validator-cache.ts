import type Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import type { FormDefinition } from './definition';
import { createFormsAjv, type AjvSetupOptions } from './ajv-setup';
import { boundedSchema } from './bounded-schema';
import { contentHash } from './canonical-json';
import { compileRules, type CompiledRule } from './rules';
import { LabelIndex } from './ui-walk';

/** Everything validation needs for one form version, built once. */
export interface CompiledForm {
  cacheKey: string;
  hash: string;
  validate: ValidateFunction;
  rules: CompiledRule[];
  labels: LabelIndex;
}

export function cacheKeyOf(definition: FormDefinition): string {
  return `${definition.key}@${definition.version}#${contentHash(definition)}`;
}

/**
 * Compiled validators keyed by form key, version and content hash. A form version is compiled once and
 * reused for every keystroke and every submission; compiling costs milliseconds, a cached check microseconds.
 */
export class FormValidators {
  readonly ajv: Ajv2020;
  /** How many times a form was compiled; tests assert it stays at one per version. */
  compileCount = 0;
  private readonly cache = new Map<string, CompiledForm>();
  /** Same definition object again (every keystroke): skip building the key. */
  private readonly byObject = new WeakMap<FormDefinition, CompiledForm>();

  constructor(options: AjvSetupOptions = {}) {
    this.ajv = createFormsAjv(options);
  }

  get(definition: FormDefinition): CompiledForm {
    const known = this.byObject.get(definition);
    if (known) return known;
    const cacheKey = cacheKeyOf(definition);
    let compiled = this.cache.get(cacheKey);
    if (!compiled) {
      compiled = this.compile(definition, cacheKey);
      this.cache.set(cacheKey, compiled);
    }
    this.byObject.set(definition, compiled);
    return compiled;
  }

  has(definition: FormDefinition): boolean {
    return this.cache.has(cacheKeyOf(definition));
  }

  private compile(definition: FormDefinition, cacheKey: string): CompiledForm {
    this.compileCount++;
    // A schema's $id registers it in the ajv instance; a second version with the same $id must replace it.
    if (typeof definition.schema.$id === 'string') this.ajv.removeSchema(definition.schema.$id);
    return {
      cacheKey,
      hash: contentHash(definition),
      // The platform's bounds (every array a maxItems, signatures PNG only) on top of the author's schema.
      validate: this.ajv.compile(boundedSchema(definition.schema, definition.uiSchema)),
      rules: compileRules(this.ajv, definition.uiSchema),
      labels: new LabelIndex(definition),
    };
  }
}

let shared: FormValidators | undefined;

/** The process-wide (or page-wide) cache used when a caller does not bring its own. */
export function sharedValidators(): FormValidators {
  shared ??= new FormValidators();
  return shared;
}
