import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { LoginThrottle } from '../database/entities';
import { positional } from '../database/named-parameters';

/** Failed-login counts per username and per client address (`login_throttle`), shared by every API process. */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly ds: DataSource) {}

  /** the rows of these keys (those that have one) */
  ofKeys(keys: string[]): Promise<LoginThrottle[]> {
    return this.ds.getRepository(LoginThrottle).findBy({ key: In(keys) });
  }

  ofKey(key: string): Promise<LoginThrottle | null> {
    return this.ds.getRepository(LoginThrottle).findOneBy({ key });
  }

  async setNextAttemptAt(key: string, at: string): Promise<void> {
    await this.ds.getRepository(LoginThrottle).update({ key }, { nextAttemptAt: at });
  }

  async setFailures(key: string, failures: number): Promise<void> {
    await this.ds.getRepository(LoginThrottle).update({ key }, { failures });
  }

  async forget(key: string): Promise<void> {
    await this.ds.getRepository(LoginThrottle).delete({ key });
  }

  /**
   * One more attempt on `key` as one statement: an upsert that counts up, or starts again when the last failure is
   * before `cutoff`; past `free` failures it sets `hold` as the next attempt's time, else `none`. Refused (null)
   * while a wait is in force (`nextAttemptAt` after `at`, within the window). Returns the new count.
   */
  async countAttempt(a: { key: string; at: string; cutoff: string; hold: string; none: string; free: number }): Promise<number | null> {
    const next = `CASE WHEN login_throttle."lastFailureAt" < :cutoff THEN 1 ELSE login_throttle."failures" + 1 END`;
    // the casts: PostgreSQL must deduce one type per parameter, and :at is also a varchar column's value
    const [sql, params] = positional(
      this.ds.options.type === 'postgres' ? 'postgres' : 'sqlite',
      `INSERT INTO login_throttle ("key", "failures", "lastFailureAt", "nextAttemptAt")
       VALUES (:key, 1, :at, CASE WHEN 1 > :free THEN CAST(:hold AS varchar(30)) ELSE CAST(:none AS varchar(30)) END)
       ON CONFLICT ("key") DO UPDATE SET
         "failures" = ${next},
         "lastFailureAt" = :at,
         "nextAttemptAt" = CASE WHEN ${next} > :free THEN CAST(:hold AS varchar(30)) ELSE CAST(:none AS varchar(30)) END
       WHERE login_throttle."nextAttemptAt" <= :at OR login_throttle."lastFailureAt" < :cutoff
       RETURNING "failures"`,
      a,
    );
    const rows: { failures: number | string }[] = await this.ds.query(sql, params);
    return rows.length ? Number(rows[0].failures) : null;
  }
}
