import { ERROR_CATALOGUE, type CatalogueText, type ErrorKey } from './catalogue';

export type Language = 'zh' | 'en';

/** The things a NOT_FOUND names, in both languages. */
export const NOUNS = {
  orgUnit: { zh: '单位', en: 'Org unit' },
  user: { zh: '用户', en: 'User' },
  role: { zh: '角色', en: 'Role' },
  tenant: { zh: '县区', en: 'County' },
  ledger: { zh: '台账', en: 'Ledger' },
  ledgerEntry: { zh: '台账记录', en: 'Ledger entry' },
  registerSource: { zh: '数据来源', en: 'Register source' },
  registerImport: { zh: '导入记录', en: 'Import' },
  importType: { zh: '导入类型', en: 'Import type' },
  comparison: { zh: '比对结果', en: 'Comparison' },
  student: { zh: '学生', en: 'Student' },
  attachment: { zh: '附件', en: 'Attachment' },
  notification: { zh: '通知', en: 'Notification' },
  notificationDelivery: { zh: '通知外发记录', en: 'Notification delivery' },
  form: { zh: '表单', en: 'Form' },
  formDraft: { zh: '表单草稿', en: 'Form draft' },
  task: { zh: '任务', en: 'Task' },
  procedure: { zh: '流程', en: 'Procedure' },
  processDefinition: { zh: '流程定义', en: 'Process definition' },
  processInstance: { zh: '流程实例', en: 'Process instance' },
  incident: { zh: '故障', en: 'Incident' },
  externalTask: { zh: '外部任务', en: 'External task' },
  decision: { zh: '决策表', en: 'Decision table' },
  apiKey: { zh: 'API 密钥', en: 'API key' },
  division: { zh: '行政区划', en: 'Division' },
  visitAssignment: { zh: '包抓分工', en: 'Visit assignment' },
} satisfies Record<string, CatalogueText>;
export type Noun = keyof typeof NOUNS;

/**
 * A parameter: text and numbers as they are; a list joined the way each language lists things (、 or ,);
 * `{ noun }` names a thing from NOUNS in the reader's language; `{ zh, en }` is text another catalogue already
 * wrote in both languages (the password policy's reasons).
 */
export type ErrorParam = string | number | readonly string[] | { noun: Noun } | CatalogueText;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

function paramText(value: ErrorParam, lang: Language): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if ('noun' in value) return NOUNS[value.noun][lang];
  if ('zh' in value) return value[lang];
  return value.join(lang === 'zh' ? '、' : ', ');
}

/** The text of a catalogue entry in one language with its parameters filled in; a missing parameter stays visible. */
export function errorText(key: ErrorKey, lang: Language, params: ErrorParams = {}): string {
  return ERROR_CATALOGUE[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? paramText(params[name], lang) : whole,
  );
}

/** The `{name}` parameters a template uses, for the catalogue's own checks. */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}
