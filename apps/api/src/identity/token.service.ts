import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'crypto';
import * as jwt from 'jsonwebtoken';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { Errors } from '../common/app-error';

export interface TokenClaims {
  sub: string;
  tid: string;
  usr: string;
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

  issue(claims: TokenClaims): { accessToken: string; expiresIn: number } {
    const accessToken = jwt.sign(claims, this.key, {
      algorithm: 'HS256',
      expiresIn: this.config.jwtTtlSeconds,
      issuer: 'kcbx',
    });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds };
  }

  verify(token: string): TokenClaims {
    try {
      return jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: 'kcbx' }) as TokenClaims;
    } catch (e) {
      throw Errors.invalidToken(e instanceof jwt.TokenExpiredError);
    }
  }
}
