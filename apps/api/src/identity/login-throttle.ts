import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LoginThrottleRepository } from './login-throttle.repository';

/**
 * "No wait" is a fixed time long past, not the attempt's own time: concurrent attempts each read their clock
 * before counting, and one's later time written as "next attempt at" would refuse another's earlier one.
 */
const NO_WAIT = '1970-01-01T00:00:00.000Z';

/** The longest wait one username can be given: its owner is kept out seconds, not locked out (#14 point 12). */
const USER_MAX_DELAY_S = 30;
/** The longest wait one client address can be given: that is the attacker's own. */
const ADDRESS_MAX_DELAY_S = 15 * 60;

export interface ThrottleKeys {
  user: string;
  address: string;
}

/**
 * Failed logins answered with growing delays (issue #14 points 3 and 12), per username and per client address,
 * in the database so every API process sees them. An attempt is counted BEFORE its password is checked, so a
 * burst of concurrent attempts cannot all slip through while the first ones are still hashing; a success gives
 * its count back. No lock: once the wait has passed, the right password always works.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly rows: LoginThrottleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static keys(username: string, address: string | undefined): ThrottleKeys {
    return { user: `user:${username.toLowerCase()}`.slice(0, 120), address: `addr:${address ?? 'unknown'}`.slice(0, 120) };
  }

  /** Seconds to wait before this attempt may be made; 0 = go ahead (and it is now counted). */
  async admit(keys: ThrottleKeys): Promise<number> {
    const now = Date.now();
    const rows = await this.rows.ofKeys([keys.user, keys.address]);
    const live = rows.filter((r) => now - Date.parse(r.lastFailureAt) < this.config.login.lockMinutes * 60_000);
    const wait = Math.max(0, ...live.map((r) => Date.parse(r.nextAttemptAt) - now));
    if (wait > 0) return Math.ceil(wait / 1000);
    for (const key of [keys.user, keys.address]) {
      const failures = await this.count(keys, key, now);
      if (failures === null) {
        // another attempt set a wait between our read and our count: this one waits too
        const row = await this.rows.ofKey(key);
        return Math.max(1, Math.ceil(((row ? Date.parse(row.nextAttemptAt) : now) - now) / 1000));
      }
      const delayS = this.delayS(keys, key, failures);
      if (delayS > 0) await this.rows.setNextAttemptAt(key, new Date(now + delayS * 1000).toISOString());
    }
    return 0;
  }

  /**
   * One more attempt on `key`, as one statement (an upsert that counts up, or starts again after the window),
   * refused (null) while a wait is in force. An attempt past the free ones puts a provisional wait in the same
   * statement (the longest; `admit` then sets the right one), so of concurrent attempts on PostgreSQL — where no
   * gate orders them — only those still free get through, each with its own number.
   */
  private async count(keys: ThrottleKeys, key: string, now: number): Promise<number | null> {
    const at = new Date(now).toISOString();
    const cutoff = new Date(now - this.config.login.lockMinutes * 60_000).toISOString();
    const hold = new Date(now + this.maxDelayS(keys, key) * 1000).toISOString();
    return this.rows.countAttempt({ key, at, cutoff, hold, none: NO_WAIT, free: this.freeAttempts(keys, key) });
  }

  /** The password was wrong: the wait runs from now, not from when the attempt came in (hashing takes a while). */
  async failed(keys: ThrottleKeys): Promise<void> {
    const now = Date.now();
    for (const row of await this.rows.ofKeys([keys.user, keys.address])) {
      const delayS = this.delayS(keys, row.key, row.failures);
      if (delayS > 0) await this.rows.setNextAttemptAt(row.key, new Date(now + delayS * 1000).toISOString());
    }
  }

  /** Free attempts first (four times as many per address: a school office shares one), then 1 s, 2 s, 4 s … up to the cap. */
  private delayS(keys: ThrottleKeys, key: string, failures: number): number {
    const free = this.freeAttempts(keys, key);
    return failures > free ? Math.min(this.maxDelayS(keys, key), 2 ** (failures - free - 1)) : 0;
  }

  private freeAttempts(keys: ThrottleKeys, key: string): number {
    return key === keys.user ? this.config.login.maxFailures : this.config.login.maxFailures * 4;
  }

  private maxDelayS(keys: ThrottleKeys, key: string): number {
    return key === keys.user ? USER_MAX_DELAY_S : ADDRESS_MAX_DELAY_S;
  }

  /** The right password: the username starts afresh and the address gets this attempt back. */
  async succeeded(keys: ThrottleKeys): Promise<void> {
    await this.rows.forget(keys.user);
    const address = await this.rows.ofKey(keys.address);
    if (address && address.failures > 1) await this.rows.setFailures(keys.address, address.failures - 1);
    else if (address) await this.rows.forget(keys.address);
  }
}
