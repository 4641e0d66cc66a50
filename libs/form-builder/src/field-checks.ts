import { schemaObject, type FormDefinition, type LocalizedText } from '@kcbx/forms';
import { schemaAtScope, walk, type UiPath } from './ui-paths';

export interface FieldIssue {
  path: UiPath;
  message: LocalizedText;
}

/**
 * Mistakes a designer makes in the property panel that the definition check reports late or not at all: a
 * pattern that is not a regular expression (the API refuses it, but only at /schema, not at the field), limits
 * that no value can meet, options without a value or with the same value twice.
 */
export function fieldIssues(def: FormDefinition): FieldIssue[] {
  const out: FieldIssue[] = [];
  walk(def.uiSchema, (e, path) => {
    if (e.type !== 'Control') return;
    const schema = schemaAtScope(def, e.scope);
    if (!schema) return;
    const add = (zh: string, en: string) => out.push({ path, message: { zh, en } });
    if (typeof schema.pattern === 'string') {
      try {
        new RegExp(schema.pattern, 'u');
      } catch {
        add(`格式“${schema.pattern}”不是有效的正则表达式`, `the pattern "${schema.pattern}" is not a valid regular expression`);
      }
    }
    const pairs: [string, string, string, string][] = [
      ['minLength', 'maxLength', '最少字数大于最多字数', 'the minimum length is above the maximum'],
      ['minimum', 'maximum', '最小值大于最大值', 'the minimum is above the maximum'],
      ['minItems', 'maxItems', '最少项数大于最多项数', 'the minimum number of items is above the maximum'],
      ['formatMinimum', 'formatMaximum', '最早日期晚于最晚日期', 'the earliest date is after the latest'],
    ];
    for (const [lo, hi, zh, en] of pairs) {
      const [low, high] = [schema[lo], schema[hi]];
      // numbers for lengths and bounds, "YYYY-MM-DD" strings for dates: both compare in order
      if ((typeof low === 'number' && typeof high === 'number') || (typeof low === 'string' && typeof high === 'string'))
        if (low > high) add(zh, en);
    }
    const values = schema.type === 'array' ? schemaObject(schema.items)?.enum : schema.enum;
    if (Array.isArray(values)) {
      if (values.length === 0) add('至少需要一个选项', 'at least one option is needed');
      if (values.some((v) => v === '')) add('有选项没有填写值', 'an option has no value');
      if (new Set(values).size !== values.length) add('有两个选项的值相同', 'two options have the same value');
    }
  });
  return out;
}
