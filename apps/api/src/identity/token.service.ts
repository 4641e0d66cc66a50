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

/** at most this many verified tokens are remembered (then forgotten all at once) */
const MAX_VERIFIED = 10_000;

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

  /**
   * Tokens already verified, with their expiry (seconds): a clerk's every request carries the same token, and its
   * HMAC, base64 and JSON decoding were ~3 % of the API's CPU under load (#19). Only a string that passed `jwt.verify`
   * is kept, so a lookup proves what the signature did; expiry is checked on every use as jsonwebtoken does.
   */
  private readonly verified = new Map<string, { claims: TokenClaims; exp: number }>();

  verify(token: string): TokenClaims {
    const known = this.verified.get(token);
    if (known) {
      if (Math.floor(Date.now() / 1000) < known.exp) return { ...known.claims };
      this.verified.delete(token);
      throw Errors.invalidToken(true);
    }
    const claims = this.verifySigned(token);
    if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    this.verified.set(token, { claims: { ...claims.claims }, exp: claims.exp });
    return claims.claims;
  }

  private verifySigned(token: string): { claims: TokenClaims; exp: number } {
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
    return {
      claims: { sub: String(claims.sub), tid: String(claims.tid), usr: String(claims.usr), sid: claims.sid, gen: claims.gen },
      exp: claims.exp,
    };
  }
}
