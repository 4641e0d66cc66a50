import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Errors } from '../common/app-error';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { nowIso } from '../database/columns';
import { LoginFailure, User } from '../database/entities';
import { PasswordService } from './password.service';
import { TokenService } from './token.service';

/** A fixed hash to verify against when the user does not exist, so timing does not reveal usernames. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$YECKmKmrmPyIee9FsvaYMQ$bpUFWnAZmLrYZblakRLEgblvpYd0f6GSj5eaAhKm8yg';

@Injectable()
export class LoginService {
  constructor(
    private readonly ds: DataSource,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string) {
    const failures = this.ds.getRepository(LoginFailure);
    const record = await failures.findOneBy({ username });
    const now = Date.now();
    if (record?.lockedUntil && Date.parse(record.lockedUntil) > now) {
      throw Errors.tooManyAttempts(Math.ceil((Date.parse(record.lockedUntil) - now) / 1000));
    }
    const user = await this.ds.getRepository(User).findOneBy({ username });
    const ok = await this.passwords.verify(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok) {
      await this.recordFailure(username, record);
      throw Errors.invalidCredentials();
    }
    if (!user.active) throw Errors.accountDisabled();
    if (record) await failures.delete({ username });
    return { ...this.tokens.issue({ sub: user.id, tid: user.tenantId, usr: user.username }), userId: user.id, tenantId: user.tenantId };
  }

  private async recordFailure(username: string, record: LoginFailure | null): Promise<void> {
    const repo = this.ds.getRepository(LoginFailure);
    const windowMs = this.config.login.lockMinutes * 60_000;
    const fresh = !record || Date.now() - Date.parse(record.firstFailureAt) > windowMs;
    const failures = fresh ? 1 : record!.failures + 1;
    const lockedUntil = failures >= this.config.login.maxFailures ? new Date(Date.now() + windowMs).toISOString() : null;
    await repo.save({
      username,
      failures: lockedUntil ? 0 : failures,
      firstFailureAt: fresh ? nowIso() : record!.firstFailureAt,
      lockedUntil,
    });
  }
}
