import type { ValidationError } from '@nestjs/common';
import type { Bilingual } from './app-error';

/** One refused request field: which, why (class-validator's constraint name) and the reason in both languages. */
export interface DtoFieldError {
  field: string;
  keyword: string;
  message: Bilingual;
}

// class-validator writes English only; these are what a clerk reads instead. Unknown constraints keep the
// English text in both languages rather than saying nothing.
const ZH: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `不允许提交字段 ${f}`,
  isDefined: (f) => `${f} 必须填写`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isString: (f) => `${f} 必须是文本`,
  isInt: (f) => `${f} 必须是整数`,
  isNumber: (f) => `${f} 必须是数字`,
  isBoolean: (f) => `${f} 必须是“是”或“否”`,
  isArray: (f) => `${f} 必须是列表`,
  isObject: (f) => `${f} 必须是对象`,
  isIn: (f) => `${f} 不是允许的取值`,
  isEnum: (f) => `${f} 不是允许的取值`,
  maxLength: (f) => `${f} 过长`,
  minLength: (f) => `${f} 过短`,
  max: (f) => `${f} 超过上限`,
  min: (f) => `${f} 低于下限`,
  arrayMaxSize: (f) => `${f} 条目过多`,
  arrayMinSize: (f) => `${f} 条目过少`,
  arrayNotEmpty: (f) => `${f} 至少需要一项`,
  matches: (f) => `${f} 格式不正确`,
  isDateString: (f) => `${f} 必须是日期（如 2026-11-29）`,
  isISO8601: (f) => `${f} 必须是日期（如 2026-11-29）`,
  isUUID: (f) => `${f} 不是有效的编号`,
  nestedValidation: (f) => `${f} 的内容不正确`,
};

/** A DTO's own message is written "中文 / English"; class-validator's defaults are English and translated here. */
function bilingual(keyword: string, field: string, text: string): Bilingual {
  const own = /^(.*\p{Script=Han}.*?) \/ (.+)$/u.exec(text);
  if (own) return { zh: own[1], en: own[2] };
  return { zh: ZH[keyword]?.(field) ?? text, en: text };
}

/** class-validator's error tree as a flat list of fields, each reason in Chinese and English. */
export function dtoFieldErrors(errors: ValidationError[], prefix = ''): DtoFieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([keyword, text]) => ({
      field,
      keyword,
      message: bilingual(keyword, field, text),
    }));
    return [...own, ...dtoFieldErrors(e.children ?? [], field)];
  });
}
