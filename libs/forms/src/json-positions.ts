/**
 * A small JSON parser that remembers where every value (and every object key) starts, so errors found by
 * schema validation can be reported at a line and column of the file the author edits.
 */

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

export interface Located {
  value: Position;
  /** Where the property name starts, for values that are object members. */
  key?: Position;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(`${message} at line ${position.line}, column ${position.column}`);
    this.name = 'JsonSyntaxError';
  }
}

export interface ParsedJson {
  value: unknown;
  /** JSON pointer ("" for the root, "/a/0/b") → position. */
  positions: Map<string, Located>;
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function parseJsonWithPositions(text: string): ParsedJson {
  const positions = new Map<string, Located>();
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const here = (): Position => ({ line, column: i - lineStart + 1 });
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, here());
  };
  const skipSpace = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') {
        line++;
        lineStart = i + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i++;
    }
  };

  const parseString = (): string => {
    if (text[i] !== '"') fail('Expected a string');
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') fail('Unterminated string');
      i++;
    }
    if (i >= text.length) fail('Unterminated string');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail('Invalid escape in string');
    }
  };

  const parseValue = (pointer: string, key?: Position): unknown => {
    skipSpace();
    positions.set(pointer, { value: here(), key });
    const c = text[i];
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = {};
      skipSpace();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        skipSpace();
        const keyPos = here();
        const name = parseString();
        if (Object.prototype.hasOwnProperty.call(out, name)) {
          throw new JsonSyntaxError(`Duplicate key "${name}"`, keyPos);
        }
        skipSpace();
        if (text[i] !== ':') fail('Expected ":"');
        i++;
        out[name] = parseValue(`${pointer}/${escapePointerToken(name)}`, keyPos);
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return out;
        }
        fail('Expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      skipSpace();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(parseValue(`${pointer}/${out.length}`));
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return out;
        }
        fail('Expected "," or "]"');
      }
    }
    if (c === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) return fail(i >= text.length ? 'Unexpected end of input' : `Unexpected character "${c}"`);
    i += literal[0].length;
    return JSON.parse(literal[0]);
  };

  const value = parseValue('');
  skipSpace();
  if (i < text.length) fail('Unexpected text after the JSON value');
  return { value, positions };
}

/** The position of a pointer, or of its nearest ancestor that exists in the file. */
export function positionOf(positions: Map<string, Located>, pointer: string, preferKey = false): Position {
  let p = pointer;
  for (;;) {
    const found = positions.get(p);
    if (found) return (preferKey && found.key) || found.value;
    if (p === '') return { line: 1, column: 1 };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
