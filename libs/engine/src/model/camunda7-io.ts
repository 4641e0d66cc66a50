import type { ElementProblem } from './element-specs';
import { isJuel } from './extensions';
import type { ModdleElement } from './moddle';
import type { Mapping } from './model';

/**
 * Camunda 7's `camunda:inputOutput` as the same mappings zeebe:ioMapping gives: every parameter becomes a FEEL
 * source. Camunda 7 writes values as text, `camunda:list` or `camunda:map`; those translate exactly (text is a
 * string, an empty parameter null). JUEL (`${…}`) is refused like everywhere else, and so are
 * `camunda:script` values: both would need another expression language at run time.
 */
export function camunda7Mappings(
  element: ModdleElement,
  prefix: string,
  problems: ElementProblem[],
): { inputs: Mapping[]; outputs: Mapping[] } {
  const io = (element.extensionElements?.values ?? []).find((v) => v.$type === `${prefix}:inputOutput`);
  const params = io?.$children ?? [];
  const read = (kind: string): Mapping[] =>
    params
      .filter((p) => p.$type === `${prefix}:${kind}`)
      .flatMap((p) => {
        const source = feelOf(p, prefix, problems);
        return source === null ? [] : [{ source: `=${source}`, target: String(p.name ?? '') }];
      });
  return { inputs: read('inputParameter'), outputs: read('outputParameter') };
}

/** a parameter's value as FEEL (without the leading "="), or null (with the problem reported) when it cannot be translated */
function feelOf(param: ModdleElement, prefix: string, problems: ElementProblem[]): string | null {
  const [child, ...more] = param.$children ?? [];
  if (!child) return literal(param.$body, param.name, problems);
  const at = `${prefix}:${param.$type.split(':')[1]} "${param.name ?? ''}"`;
  const items = child.$children ?? [];
  const refuse = (what: string): null => {
    problems.push({
      code: 'UNSUPPORTED_CAMUNDA7',
      message: `${at}: ${what} has no FEEL equivalent here (use text, camunda:list or camunda:map of text)`,
      messageZh: `${at}：${what} 在此没有对应的 FEEL 写法（请使用文本、camunda:list 或由文本组成的 camunda:map）`,
    });
    return null;
  };
  if (more.length > 0) return refuse('more than one value');
  if (child.$type === `${prefix}:list`) {
    if (items.some((v) => v.$type !== `${prefix}:value`)) return refuse('a nested list or map');
    const values = items.map((v) => literal(v.$body, param.name, problems));
    return values.includes(null) ? null : `[${values.join(', ')}]`;
  }
  if (child.$type === `${prefix}:map`) {
    if (items.some((e) => e.$type !== `${prefix}:entry` || (e.$children ?? []).length > 0)) return refuse('a nested list or map');
    const entries = items.map((e) => [e.key ?? '', literal(e.$body, param.name, problems)] as const);
    if (entries.some(([, v]) => v === null)) return null;
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`;
  }
  return refuse(child.$type);
}

/** text is a string literal (JSON's escapes are FEEL's); no text is null; JUEL is refused */
function literal(text: string | undefined, name: string | undefined, problems: ElementProblem[]): string | null {
  const value = text?.trim() ?? '';
  if (isJuel(value)) {
    problems.push({
      code: 'JUEL_REFUSED',
      message: `mapping "${name ?? ''}" = "${value}" is a JUEL expression; write it in FEEL (e.g. "=amount > 1000")`,
      messageZh: `映射"${name ?? ''}"的值"${value}"是 JUEL 表达式，请改用 FEEL（例如"=amount > 1000"）`,
    });
    return null;
  }
  return value === '' ? 'null' : JSON.stringify(value);
}
