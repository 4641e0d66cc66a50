import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import { Errors } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { newId, nowIso } from '../database/columns';
import type { AuthSession } from '../database/entities';
import { ExpiringCache } from '../database/expiring-cache';
import { AccountsRepository } from './accounts.repository';
import { SessionsRepository } from './sessions.repository';
import { TokenClaims, TokenService } from './token.service';

/** The refresh secret's cookie: HttpOnly (no script reads it), sent only to /api/auth, never cross-site. */
export const REFRESH_COOKIE = 'kcbx_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** How long the token a refresh replaced still serves requests already on their way (not another refresh). */
const ROTATION_GRACE_MS = 30_000;

export type RevokeReason = 'logout' | 'refresh-reuse' | 'password-changed' | 'disabled';

export interface IssuedSession {
  accessToken: string;
  expiresIn: number;
  /** `<session id>.<secret>`, for the HttpOnly cookie */
  refresh: string;
  /** seconds until the session's absolute end (the cookie's Max-Age) */
  refreshMaxAge: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Sessions (issue #14 point 8): each login is a row; the access token names it and its generation. Refresh
 * takes the HttpOnly cookie's secret, moves the generation on and replaces the secret in one conditional
 * update — a secret that was already replaced coming back means a copy is in someone else's hands, so the
 * session ends for both. Logout, a password change and disabling end sessions; none outlives SESSION_MAX_HOURS.
 */
@Injectable()
export class SessionService {
  private readonly cache: ExpiringCache<AuthSession | null>;

  constructor(
    private readonly rows: SessionsRepository,
    private readonly accounts: AccountsRepository,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cache = rows.forgetOnWrites(new ExpiringCache<AuthSession | null>(config.cacheMs));
  }

  async start(user: { id: string; tenantId: string; username: string }): Promise<IssuedSession> {
    const secret = randomBytes(32).toString('base64url');
    const now = Date.now();
    const row: AuthSession = {
      id: newId(),
      tenantId: user.tenantId,
      userId: user.id,
      generation: 1,
      refreshHash: sha256(secret),
      rotatedAt: null,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.config.sessionMaxHours * 3_600_000).toISOString(),
      revokedAt: null,
      revokedReason: null,
    };
    await this.rows.add(row);
    return this.issue(row, user.username, secret);
  }

  /** A new access token and refresh secret for the cookie's; 401 when it is unknown, ended or already used. */
  async refresh(cookie: string | undefined): Promise<IssuedSession & { userId: string; tenantId: string }> {
    const [id, secret] = (cookie ?? '').split('.');
    if (!id || !secret || id.length > 36 || secret.length > 100) throw Errors.invalidToken(false);
    const row = await this.rows.byId(id);
    if (!row || row.revokedAt) throw Errors.invalidToken(false);
    if (Date.parse(row.expiresAt) <= Date.now()) throw Errors.invalidToken(true);
    if (!sameHash(row.refreshHash, sha256(secret))) {
      await this.revoke({ id: row.id }, 'refresh-reuse');
      throw new RefreshReuse(row);
    }
    const next = randomBytes(32).toString('base64url');
    const rotatedAt = nowIso();
    // Conditional on the secret still being the one presented: of two refreshes racing, one wins.
    const done = await this.rows.rotate(row.id, row.refreshHash, { refreshHash: sha256(next), generation: row.generation + 1, rotatedAt });
    if (!done) {
      await this.revoke({ id: row.id }, 'refresh-reuse');
      throw new RefreshReuse(row);
    }
    const rotated = { ...row, generation: row.generation + 1, refreshHash: sha256(next), rotatedAt };
    const username = await this.accounts.usernameOf(row.userId);
    return { ...this.issue(rotated, username, next), userId: row.userId, tenantId: row.tenantId };
  }

  /** Whether an access token's session still stands: not ended, not past its end, and the token not replaced. */
  async check(claims: TokenClaims): Promise<void> {
    const row = await this.cache.get(claims.sid, () => this.rows.byId(claims.sid));
    if (!row || row.revokedAt || row.userId !== claims.sub || row.tenantId !== claims.tid) throw Errors.invalidToken(false);
    if (Date.parse(row.expiresAt) <= Date.now()) throw Errors.invalidToken(true);
    if (claims.gen === row.generation) return;
    const justReplaced = claims.gen === row.generation - 1 && row.rotatedAt && Date.now() - Date.parse(row.rotatedAt) < ROTATION_GRACE_MS;
    if (!justReplaced) throw Errors.invalidToken(true);
  }

  /** Ends sessions: one (logout, reuse) or all of a user's (password change, disabled). */
  async revoke(where: { id: string } | { userId: string }, reason: RevokeReason): Promise<void> {
    await this.rows.revoke(where, nowIso(), reason);
  }

  /** The session a refresh cookie names (for logout without a token). */
  static idOf(cookie: string | undefined): string | null {
    const id = (cookie ?? '').split('.')[0];
    return id && id.length <= 36 ? id : null;
  }

  private issue(row: AuthSession, username: string, secret: string): IssuedSession {
    const left = (Date.parse(row.expiresAt) - Date.now()) / 1000;
    const claims: TokenClaims = { sub: row.userId, tid: row.tenantId, usr: username, sid: row.id, gen: row.generation };
    return { ...this.tokens.issue(claims, left), refresh: `${row.id}.${secret}`, refreshMaxAge: Math.max(0, Math.floor(left)) };
  }
}

/** A refresh secret that was already replaced came back: the session has been ended; the caller audits it. */
export class RefreshReuse extends Error {
  constructor(readonly session: AuthSession) {
    super('refresh token reuse');
  }
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
