import { Inject, Injectable } from '@nestjs/common';
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
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issue(claims: TokenClaims): { accessToken: string; expiresIn: number } {
    const accessToken = jwt.sign(claims, this.config.jwtSecret, {
      algorithm: 'HS256',
      expiresIn: this.config.jwtTtlSeconds,
      issuer: 'kcbx',
    });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds };
  }

  verify(token: string): TokenClaims {
    try {
      return jwt.verify(token, this.config.jwtSecret, { algorithms: ['HS256'], issuer: 'kcbx' }) as TokenClaims;
    } catch (e) {
      throw Errors.invalidToken(e instanceof jwt.TokenExpiredError);
    }
  }
}
