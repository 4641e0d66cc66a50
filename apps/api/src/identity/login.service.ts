import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit-log/audit.service';
import { Errors } from '../common/app-error';
import { DbGate } from '../database/db-gate';
import { AccountsRepository } from './accounts.repository';
import { LoginThrottleService } from './login-throttle';
import { PasswordService } from './password.service';
import { IssuedSession, SessionService } from './session.service';

/** A fixed hash to verify against when the user does not exist, so timing does not reveal usernames. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$YECKmKmrmPyIee9FsvaYMQ$bpUFWnAZmLrYZblakRLEgblvpYd0f6GSj5eaAhKm8yg';

@Injectable()
export class LoginService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly gate: DbGate,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string, address?: string): Promise<IssuedSession & { userId: string; tenantId: string }> {
    const keys = LoginThrottleService.keys(username, address);
    const wait = await this.throttle.admit(keys);
    if (wait > 0) {
      this.audit.recordLimited(`login-throttled:${address}`, null, {
        action: 'auth.login-throttled',
        detail: { username },
        status: 429,
        ip: address ?? null,
      });
      throw Errors.tooManyAttempts(wait);
    }
    const user = await this.accounts.byUsername(username);
    // Hashing takes most of a second and needs no database: outside the SQLite gate (#14 point 3).
    const ok = await this.gate.outside(() => this.passwords.verify(user?.passwordHash ?? DUMMY_HASH, password));
    // A disabled account answers exactly like a wrong password: nobody learns whether the password was right.
    if (!user || !ok || !user.active) {
      await this.throttle.failed(keys);
      this.audit.recordLimited(
        `login-failed:${address}`,
        user ? { tenantId: user.tenantId, userId: user.id, username: user.username } : null,
        {
          action: 'auth.login-failed',
          detail: { username: user ? undefined : username },
          status: 401,
          ip: address ?? null,
        },
      );
      throw Errors.invalidCredentials();
    }
    await this.throttle.succeeded(keys);
    const session = await this.sessions.start(user);
    await this.audit.record(
      { tenantId: user.tenantId, userId: user.id, username: user.username },
      { action: 'auth.login', entity: 'session', entityId: SessionService.idOf(session.refresh), status: 200, ip: address ?? null },
    );
    return { ...session, userId: user.id, tenantId: user.tenantId };
  }
}
