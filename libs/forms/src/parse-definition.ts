import { contentHash } from './canonical-json';
import { checkDefinition } from './check-definition';
import type { FormDefinition, LocalizedText } from './definition';
import { JsonSyntaxError, parseJsonWithPositions, positionOf } from './json-positions';

export interface DefinitionError {
  file: string;
  line: number;
  column: number;
  /** JSON pointer inside the file. */
  path: string;
  keyword: string;
  message: LocalizedText;
}

export type ParseDefinitionResult = { ok: true; definition: FormDefinition; hash: string } | { ok: false; errors: DefinitionError[] };

/** Reads a `<key>.form.json` file: JSON syntax, then the meta-schema and semantic checks, every error with its line. */
export function parseFormDefinition(text: string, fileName: string): ParseDefinitionResult {
  let parsed;
  try {
    parsed = parseJsonWithPositions(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const message = e.message.replace(/ at line \d+, column \d+$/, '');
    return {
      ok: false,
      errors: [
        {
          file: fileName,
          ...e.position,
          path: '',
          keyword: 'syntax',
          message: { zh: `JSON 语法错误：${message}`, en: `JSON syntax error: ${message}` },
        },
      ],
    };
  }
  const issues = checkDefinition(parsed.value);
  if (issues.length) {
    return {
      ok: false,
      errors: issues.map((issue) => ({
        file: fileName,
        ...positionOf(parsed.positions, issue.path, issue.atKey),
        path: issue.path,
        keyword: issue.keyword,
        message: issue.message,
      })),
    };
  }
  const definition = parsed.value as FormDefinition;
  return { ok: true, definition, hash: contentHash(definition) };
}

export function formatDefinitionError(error: DefinitionError, locale: 'zh' | 'en' = 'en'): string {
  return `${error.file}:${error.line}:${error.column} ${error.path || '/'} ${error.message[locale]}`;
}
