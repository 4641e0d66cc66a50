import { residentIdProblem } from '@kcbx/cn-codes';
import type { ErrorObject } from 'ajv';
import type { LocalizedText } from './definition';

/** Our own wording for the custom formats and keywords (standard-messages.ts words the standard ones). */
const FORMAT_MESSAGES: Record<string, LocalizedText> = {
  'resident-id': { zh: '请输入有效的18位居民身份证号码', en: 'must be a valid 18-character resident ID number' },
  'mobile-cn': { zh: '请输入有效的11位手机号码', en: 'must be a valid mainland mobile number (11 digits)' },
  'student-number': {
    zh: '请输入有效的全国学籍号（G加身份证号，或L/J开头的19位编号）',
    en: 'must be a valid national student number (G + ID number, or L/J + 18 characters)',
  },
  'region-code': { zh: '请选择有效的行政区划', en: 'must be a valid administrative division code' },
  'year-month': { zh: '请输入年月（YYYY-MM）', en: 'must be a year and month (YYYY-MM)' },
  'data-url': { zh: '文件内容格式无效', en: 'must be a data URL' },
  'png-data-url': { zh: '签名无效，请在签名框内重新签名', en: 'the signature is not valid; please sign again in the box' },
  date: { zh: '请输入有效日期（YYYY-MM-DD）', en: 'must be a valid date (YYYY-MM-DD)' },
  'date-time': { zh: '请输入有效的日期时间', en: 'must be a valid date and time' },
  time: { zh: '请输入有效时间', en: 'must be a valid time' },
  email: { zh: '请输入有效的电子邮箱', en: 'must be a valid email address' },
};

const RESIDENT_ID_PROBLEMS: Record<string, LocalizedText> = {
  format: { zh: '身份证号应为18位，前17位为数字，最后一位为数字或X', en: 'ID number must be 17 digits followed by a digit or X' },
  region: { zh: '身份证号的地区码无效', en: 'the region code in the ID number is invalid' },
  birthDate: { zh: '身份证号中的出生日期无效', en: 'the birth date in the ID number is invalid' },
  checksum: { zh: '身份证号校验位错误，请核对号码', en: 'the ID number check digit is wrong; please re-check the number' },
};

const SEX_NAMES: Record<string, LocalizedText> = { male: { zh: '男', en: 'male' }, female: { zh: '女', en: 'female' } };

const FILE_PROBLEMS = (params: Record<string, unknown>): Record<string, LocalizedText> => ({
  shape: { zh: '文件信息不完整', en: 'must be an uploaded file (id, name, size, type)' },
  size: {
    zh: `文件不能超过 ${formatBytes(maxBytesOf(params))}`,
    en: `file must not be larger than ${formatBytes(maxBytesOf(params))}`,
  },
  type: { zh: `只接受以下文件类型：${params.accept}`, en: `only these file types are accepted: ${params.accept}` },
});

const maxBytesOf = (params: Record<string, unknown>) => (typeof params.maxBytes === 'number' ? params.maxBytes : undefined);

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** Our message for a custom format or keyword, or undefined for a standard keyword (see standardMessage). */
export function customMessage(error: ErrorObject, value: unknown): LocalizedText | undefined {
  if (error.keyword === 'format') {
    const format = String(error.params.format);
    if (format === 'resident-id' && typeof value === 'string') {
      const problem = residentIdProblem(value);
      if (problem) return RESIDENT_ID_PROBLEMS[problem];
    }
    return FORMAT_MESSAGES[format];
  }
  if (error.keyword === 'residentIdMatches') {
    const expected = String(error.params.expected);
    return error.params.field === 'sex'
      ? { zh: `性别与身份证号不一致（应为${SEX_NAMES[expected]?.zh ?? expected}）`, en: `sex does not match the ID number (${expected})` }
      : { zh: `出生日期与身份证号不一致（应为${expected}）`, en: `birth date does not match the ID number (${expected})` };
  }
  if (error.keyword === 'fileUpload') return FILE_PROBLEMS(error.params)[error.params.problem];
  if (error.keyword === 'dateRange') return { zh: '开始日期不能晚于结束日期', en: 'the start date must not be after the end date' };
  return undefined;
}

/** Messages for checks done outside ajv (permissions, tampering). */
export const SUBMISSION_MESSAGES = {
  notInSchema: { zh: '表单中没有此字段，不能提交', en: 'this field is not part of the form' },
  readonly: { zh: '此字段在当前环节为只读，不能修改', en: 'this field is read-only at this step' },
  hidden: { zh: '此字段在当前环节不可见，不能提交', en: 'this field is hidden at this step and must not be sent' },
} satisfies Record<string, LocalizedText>;
