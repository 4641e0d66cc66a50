import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CATALOGUE, isErrorKey, wireCode, type ErrorKey } from '@kcbx/api-contract';
import { AppError, Errors, HTTP_STATUS } from './app-error';

const SRC = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every catalogue key the API's code names where it raises an error (the compiler checks the types; this reads the text). */
function raisedKeys(): { file: string; key: string }[] {
  const raise = /(?:new AppError|Errors\.(?:badFile|forbidden|unavailable))\(\s*'([^']+)'/g;
  return sources(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(raise)].map((m) => ({ file: file.slice(SRC.length + 1), key: m[1] })),
  );
}

describe('the API and the error catalogue', () => {
  it('given every place the API raises an error by key, then the key is in the catalogue', () => {
    const raised = raisedKeys();
    expect(raised.length).toBeGreaterThan(40);
    expect(raised.filter((r) => !isErrorKey(r.key))).toEqual([]);
  });

  it('given every wire code of the catalogue, then the API answers it with one HTTP error status', () => {
    for (const key of Object.keys(ERROR_CATALOGUE) as ErrorKey[]) {
      const status = HTTP_STATUS[wireCode(key)];
      expect({ key, status: status >= 400 && status < 600 }).toEqual({ key, status: true });
    }
  });

  it('given no error text outside the catalogue, then no raised error writes its own Chinese/English text', () => {
    // a zh: string literal inside the statement that raises (text another catalogue wrote, passed as a value, is fine)
    const bilingualLiteral = /(?:new AppError|Errors\.\w+)\([^;]*\bzh:\s*['"`]/;
    expect(sources(SRC).filter((file) => bilingualLiteral.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('when an error is raised, then its code, status and both texts come from its key', () => {
    const error = Errors.notFound('ledger', 'x');
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, text: { zh: '未找到台账 x', en: 'Ledger x not found' } });
    expect(new AppError('FORBIDDEN/unclaim-not-holder')).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(Errors.tooManyAttempts(61)).toMatchObject({
      status: 429,
      details: { retryAfterSeconds: 61 },
      text: { en: expect.stringContaining('2 minutes') },
    });
  });
});
