import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv';
import { createFormsAjv } from './ajv-setup';
import { isLayout, type FormDefinition, type LocalizedText, type UiElement } from './definition';
import { FORM_DEFINITION_META_SCHEMA } from './meta-schema';
import { joinPointer, schemaAtPointer } from './pointers';
import { compileCondition } from './rules';
import { standardMessage } from './standard-messages';

/** A problem in a definition, located by JSON pointer (parseFormDefinition adds line and column). */
export interface DefinitionIssue {
  path: string;
  keyword: string;
  message: LocalizedText;
  /** Point at the property name rather than its value (unknown keys). */
  atKey?: boolean;
}

let checkAjv: ReturnType<typeof createFormsAjv> | undefined;
let metaValidator: ReturnType<Ajv2020['compile']> | undefined;

function metaValidate() {
  metaValidator ??= new Ajv2020({ allErrors: true, strict: false }).compile(FORM_DEFINITION_META_SCHEMA);
  return metaValidator;
}

function metaIssues(errors: ErrorObject[]): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  errors.forEach((e) => {
    if (e.keyword === 'if') return;
    const extra =
      e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty?: unknown }).additionalProperty) : undefined;
    const path = extra === undefined ? e.instancePath : joinPointer(e.instancePath, extra);
    const suffix = extra === undefined ? '' : `: "${extra}"`;
    issues.push({
      path,
      keyword: e.keyword,
      atKey: extra !== undefined,
      message: withSuffix(extra === undefined ? standardMessage(e) : UNKNOWN_PROPERTY, suffix),
    });
  });
  // anyOf explains itself through its branches; keep the parent only when it is the sole message.
  const specific = issues.filter((x) => x.keyword !== 'anyOf');
  return specific.length ? specific : issues;
}

// In a definition file an extra property is a typo or an unsupported option, not a form field.
const UNKNOWN_PROPERTY: LocalizedText = { zh: '不支持的属性', en: 'unknown property' };

function withSuffix(message: LocalizedText, suffix: string): LocalizedText {
  return { zh: `${message.zh}${suffix}`, en: `${message.en}${suffix}` };
}

const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);

/** The pointer (under /schema) of the first use of an unknown keyword, for a line-precise message. */
function findKeyword(schema: unknown, keyword: string, base = '/schema'): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  if (!Array.isArray(schema) && Object.prototype.hasOwnProperty.call(schema, keyword)) return joinPointer(base, keyword);
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples') continue;
    const found =
      SCHEMA_MAPS.has(k) && v && typeof v === 'object'
        ? Object.entries(v)
            .map(([name, sub]) => findKeyword(sub, keyword, joinPointer(joinPointer(base, k), name)))
            .find(Boolean)
        : findKeyword(v, keyword, joinPointer(base, k));
    if (found) return found;
  }
  return undefined;
}

function schemaIssue(definition: FormDefinition, error: Error): DefinitionIssue {
  const text = error.message;
  const unknownKeyword = /unknown keyword: "([^"]+)"/.exec(text);
  if (unknownKeyword) {
    const path = findKeyword(definition.schema, unknownKeyword[1]) ?? '/schema';
    return {
      path,
      keyword: 'unknownKeyword',
      atKey: true,
      message: { zh: `未知的关键字 "${unknownKeyword[1]}"`, en: `unknown keyword "${unknownKeyword[1]}"` },
    };
  }
  const unknownFormat = /unknown format "([^"]+)" ignored in schema at path "#([^"]*)"/.exec(text);
  if (unknownFormat) {
    const path = `/schema${unknownFormat[2]}/format`;
    return {
      path,
      keyword: 'unknownFormat',
      message: { zh: `未知的格式 "${unknownFormat[1]}"`, en: `unknown format "${unknownFormat[1]}"` },
    };
  }
  return { path: '/schema', keyword: 'schema', message: { zh: `数据结构定义无效：${text}`, en: `invalid schema: ${text}` } };
}

function uiIssues(definition: FormDefinition, ajv: ReturnType<typeof createFormsAjv>): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const walk = (element: UiElement, path: string) => {
    if (element.type === 'Control' && schemaAtPointer(definition.schema, element.scope) === undefined) {
      issues.push({
        path: `${path}/scope`,
        keyword: 'scope',
        message: { zh: `字段 ${element.scope} 在数据结构中不存在`, en: `${element.scope} does not exist in the schema` },
      });
    }
    if (element.rule) {
      try {
        compileCondition(ajv, element.rule.condition);
      } catch (e) {
        const msg = (e as Error).message;
        issues.push({
          path: `${path}/rule/condition`,
          keyword: 'rule',
          message: { zh: `规则条件无效：${msg}`, en: `invalid rule condition: ${msg}` },
        });
      }
    }
    if (isLayout(element)) element.elements.forEach((child, i) => walk(child, `${path}/elements/${i}`));
  };
  walk(definition.uiSchema, '/uiSchema');
  return issues;
}

/** Everything wrong with a definition: shape (meta-schema), schema keywords/formats, UI scopes and rules. */
export function checkDefinition(definition: unknown): DefinitionIssue[] {
  const validate = metaValidate();
  if (!validate(definition)) return metaIssues(validate.errors ?? []);
  const def = definition as FormDefinition;
  checkAjv ??= createFormsAjv();
  const ajv = checkAjv;
  try {
    ajv.compile(def.schema);
    return uiIssues(def, ajv);
  } catch (e) {
    return [schemaIssue(def, e as Error)];
  } finally {
    // Checking is not caching: forget the schema so a later check of the same $id starts clean.
    ajv.removeSchema(def.schema);
    if (typeof def.schema.$id === 'string') ajv.removeSchema(def.schema.$id);
  }
}
