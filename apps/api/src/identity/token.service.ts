import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'crypto';
import * as jwt from 'jsonwebtoken';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { Errors } from '../common/app-error';

export interface TokenClaims {
  sub: string;
  tid: string;
  usr: string;
  /** the login (auth_session row) the token belongs to */
  sid: string;
  /** the session's generation when the token was issued: a refresh moves it on */
  gen: number;
}

/** Short-lived HS256 access tokens; the user is re-read on every request, so disabling takes effect at once. */
@Injectable()
export class TokenService {
  /**
   * Handed a string, jsonwebtoken first tries to read it as a PEM public key on every call; a ready key object
   * skips that, which was a tenth of the server's CPU under load.
   */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  /** A token for `ttlSeconds` (the configured lifetime unless the session ends sooner). */
  issue(claims: TokenClaims, ttlSeconds = this.config.jwtTtlSeconds): { accessToken: string; expiresIn: number } {
    const expiresIn = Math.max(1, Math.min(this.config.jwtTtlSeconds, Math.floor(ttlSeconds)));
    const accessToken = jwt.sign(claims, this.key, { algorithm: 'HS256', expiresIn, issuer: 'kcbx' });
    return { accessToken, expiresIn };
  }

  verify(token: string): TokenClaims {
    let claims: jwt.JwtPayload & Partial<TokenClaims>;
    try {
      claims = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: 'kcbx' }) as jwt.JwtPayload & Partial<TokenClaims>;
    } catch (e) {
      throw Errors.invalidToken(e instanceof jwt.TokenExpiredError);
    }
    // jsonwebtoken accepts a token without `exp` as never expiring; ours always carry one and a session (#14.8).
    if (typeof claims.exp !== 'number' || typeof claims.sid !== 'string' || typeof claims.gen !== 'number') {
      throw Errors.invalidToken(false);
    }
    return { sub: String(claims.sub), tid: String(claims.tid), usr: String(claims.usr), sid: claims.sid, gen: claims.gen };
  }
}
