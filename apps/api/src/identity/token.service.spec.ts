import * as jwt from 'jsonwebtoken';
import type { AppConfig } from '../config/app-config';
import { AppError } from '../common/app-error';
import { TokenService } from './token.service';

const config = { jwtSecret: 'token-spec-secret-'.padEnd(48, 'x'), jwtTtlSeconds: 60 } as AppConfig;
const claims = { sub: 'u1', tid: 't1', usr: 'teacher', sid: 's1', gen: 1 };

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as AppError).code;
  }
  return 'accepted';
}

describe('TokenService.verify', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers a token it verified before, and still refuses it once expired', () => {
    const tokens = new TokenService(config);
    const { accessToken } = tokens.issue(claims, 10);
    expect(tokens.verify(accessToken)).toEqual(claims);
    expect(tokens.verify(accessToken)).toEqual(claims);
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 11_000);
    expect(refusal(() => tokens.verify(accessToken))).toBe('AUTH_TOKEN_EXPIRED');
    expect(refusal(() => tokens.verify(accessToken))).toBe('AUTH_TOKEN_EXPIRED');
  });

  it('refuses a token whose signature or claims are wrong, every time', () => {
    const tokens = new TokenService(config);
    const forged = jwt.sign(claims, 'another-secret', { algorithm: 'HS256', expiresIn: 60, issuer: 'kcbx' });
    expect(refusal(() => tokens.verify(forged))).toBe('AUTH_TOKEN_INVALID');
    expect(refusal(() => tokens.verify(forged))).toBe('AUTH_TOKEN_INVALID');
    const { accessToken } = tokens.issue(claims, 10);
    expect(refusal(() => tokens.verify(accessToken.slice(0, -2) + 'xx'))).toBe('AUTH_TOKEN_INVALID');
  });

  it('hands out a copy: a caller changing the claims does not change what the next request gets', () => {
    const tokens = new TokenService(config);
    const { accessToken } = tokens.issue(claims, 10);
    (tokens.verify(accessToken) as { sub: string }).sub = 'someone-else';
    expect(tokens.verify(accessToken).sub).toBe('u1');
  });
});
