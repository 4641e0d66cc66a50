import type { ErrorObject } from 'ajv';
import type { LocalizedText } from './definition';

/**
 * Plain words for every JSON Schema keyword ajv reports, in Chinese and English. A clerk reads "至少填写 1 项",
 * not ajv-i18n's "不应少于 1 个项" or "应当是 integer 类型": no schema words, no type names, no symbols.
 * Custom formats and keywords have their own wording in messages.ts; `required` is worded with the field label.
 */

const TYPE_WORDS: Record<string, LocalizedText> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '“是”或“否”', en: 'yes or no' },
  array: { zh: '一组内容', en: 'a list' },
  object: { zh: '一组信息', en: 'a group of answers' },
  null: { zh: '空值', en: 'empty' },
};

/** Names of standard formats a clerk may meet (custom ones are in messages.ts). */
const FORMAT_WORDS: Record<string, LocalizedText> = {
  uri: { zh: '网址', en: 'a web address' },
  'uri-reference': { zh: '网址', en: 'a web address' },
  url: { zh: '网址', en: 'a web address' },
  hostname: { zh: '主机名', en: 'a host name' },
  ipv4: { zh: 'IPv4 地址', en: 'an IPv4 address' },
  ipv6: { zh: 'IPv6 地址', en: 'an IPv6 address' },
  uuid: { zh: '编号（UUID）', en: 'an identifier (UUID)' },
  duration: { zh: '时长', en: 'a duration' },
  regex: { zh: '正则表达式', en: 'a regular expression' },
};

const GENERIC: LocalizedText = { zh: '填写的内容不符合要求', en: 'this answer is not accepted' };

function typeWords(type: unknown): LocalizedText {
  const names = String(type).split(',');
  const words = names.map((n) => TYPE_WORDS[n.trim()] ?? { zh: n, en: n });
  return { zh: words.map((w) => w.zh).join('或'), en: words.map((w) => w.en).join(' or ') };
}

function limitText(limit: unknown): string {
  return typeof limit === 'number' || typeof limit === 'string' ? String(limit) : JSON.stringify(limit);
}

/** Dates and times compared by ajv-formats' formatMinimum/formatMaximum: earlier/later, not bigger/smaller. */
function formatBound(keyword: string, params: Record<string, unknown>): LocalizedText {
  const limit = limitText(params.limit);
  const comparison = String(params.comparison ?? '');
  if (comparison === '>=' || (keyword === 'formatMinimum' && !comparison))
    return { zh: `不能早于 ${limit}`, en: `must not be before ${limit}` };
  if (comparison === '>') return { zh: `必须晚于 ${limit}`, en: `must be after ${limit}` };
  if (comparison === '<=' || (keyword === 'formatMaximum' && !comparison))
    return { zh: `不能晚于 ${limit}`, en: `must not be after ${limit}` };
  return { zh: `必须早于 ${limit}`, en: `must be before ${limit}` };
}

type Wording = (params: Record<string, unknown>, error: ErrorObject) => LocalizedText;

const WORDINGS: Record<string, Wording> = {
  type: (p) => {
    const w = typeWords(p.type);
    return { zh: `请填写${w.zh}`, en: `must be ${w.en}` };
  },
  minLength: (p) =>
    Number(p.limit) <= 1
      ? { zh: '此项不能为空', en: 'must not be empty' }
      : { zh: `至少填写 ${p.limit} 个字`, en: `must be at least ${p.limit} characters` },
  maxLength: (p) => ({ zh: `最多填写 ${p.limit} 个字`, en: `must be at most ${p.limit} characters` }),
  minimum: (p) => ({ zh: `不能小于 ${p.limit}`, en: `must not be less than ${p.limit}` }),
  maximum: (p) => ({ zh: `不能大于 ${p.limit}`, en: `must not be more than ${p.limit}` }),
  exclusiveMinimum: (p) => ({ zh: `必须大于 ${p.limit}`, en: `must be more than ${p.limit}` }),
  exclusiveMaximum: (p) => ({ zh: `必须小于 ${p.limit}`, en: `must be less than ${p.limit}` }),
  multipleOf: (p) => ({ zh: `必须是 ${p.multipleOf} 的整数倍`, en: `must be a multiple of ${p.multipleOf}` }),
  pattern: () => ({ zh: '格式不正确，请按提示填写', en: 'is not in the expected form' }),
  format: (p) => {
    const w = FORMAT_WORDS[String(p.format)];
    return w ? { zh: `请填写有效的${w.zh}`, en: `must be ${w.en}` } : { zh: '格式不正确，请按提示填写', en: 'is not in the expected form' };
  },
  formatMinimum: (p, e) => formatBound(e.keyword, p),
  formatMaximum: (p, e) => formatBound(e.keyword, p),
  formatExclusiveMinimum: (p, e) => formatBound(e.keyword, p),
  formatExclusiveMaximum: (p, e) => formatBound(e.keyword, p),
  enum: () => ({ zh: '请从给定的选项中选择', en: 'must be one of the given choices' }),
  const: () => ({ zh: '此项只能填写规定的内容', en: 'must be the prescribed answer' }),
  minItems: (p) => ({ zh: `至少填写 ${p.limit} 项`, en: `needs at least ${p.limit} ${p.limit === 1 ? 'entry' : 'entries'}` }),
  maxItems: (p) => ({ zh: `最多只能填写 ${p.limit} 项`, en: `may have at most ${p.limit} entries` }),
  uniqueItems: (p) => ({
    zh: `第 ${Number(p.j) + 1} 项与第 ${Number(p.i) + 1} 项重复`,
    en: `entries ${Number(p.j) + 1} and ${Number(p.i) + 1} are the same`,
  }),
  minProperties: (p) => ({ zh: `至少填写 ${p.limit} 项内容`, en: `needs at least ${p.limit} answers` }),
  maxProperties: (p) => ({ zh: `最多只能填写 ${p.limit} 项内容`, en: `may have at most ${p.limit} answers` }),
  additionalProperties: () => ({ zh: '表单中没有此字段，不能提交', en: 'this field is not part of the form' }),
  unevaluatedProperties: () => ({ zh: '表单中没有此字段，不能提交', en: 'this field is not part of the form' }),
  propertyNames: () => ({ zh: '字段名称不符合要求', en: 'a field name is not accepted' }),
  additionalItems: (p) => ({ zh: `最多只能填写 ${p.limit} 项`, en: `may have at most ${p.limit} entries` }),
  unevaluatedItems: (p) => ({ zh: `最多只能填写 ${p.limit} 项`, en: `may have at most ${p.limit} entries` }),
  contains: () => ({ zh: '至少需要一项符合要求', en: 'needs at least one matching entry' }),
  minContains: (p) => ({ zh: `至少需要 ${p.minContains} 项符合要求`, en: `needs at least ${p.minContains} matching entries` }),
  maxContains: (p) => ({ zh: `最多 ${p.maxContains} 项可以符合此要求`, en: `at most ${p.maxContains} entries may match` }),
  anyOf: () => GENERIC,
  oneOf: (p) =>
    Array.isArray(p.passingSchemas)
      ? { zh: '同时符合了几种互斥的情况，只能符合其中一种', en: 'matches several exclusive cases; it must match exactly one' }
      : GENERIC,
  not: () => GENERIC,
  'false schema': () => ({ zh: '此项不应填写', en: 'must not be filled in' }),
  discriminator: () => ({ zh: '类别不正确，请重新选择', en: 'the kind chosen is not accepted' }),
  dependentRequired: (p) => ({ zh: `填写此项时还需填写“${p.missingProperty}”`, en: `${p.missingProperty} is required too` }),
  required: (p) => ({ zh: `请填写“${p.missingProperty}”`, en: `${p.missingProperty} is required` }),
};

/**
 * Our wording for a standard keyword's error. A keyword we do not know (a future ajv one) gets a generic
 * sentence rather than ajv's own text, so nothing technical ever reaches the clerk; ajv-errors' `errorMessage`
 * is the author's own sentence and is kept as written.
 */
export function standardMessage(error: ErrorObject): LocalizedText {
  if (error.keyword === 'errorMessage' && error.message) return { zh: error.message, en: error.message };
  const wording = Object.prototype.hasOwnProperty.call(WORDINGS, error.keyword) ? WORDINGS[error.keyword] : undefined;
  return wording ? wording((error.params ?? {}) as Record<string, unknown>, error) : GENERIC;
}
