import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './table-helpers';

/**
 * Issue #14 points 3, 8 and 12. `login_throttle` replaces `login_failure`: failed logins counted per username
 * AND per client address, each answered with a growing delay instead of a lock anyone could set off for any
 * account. `auth_session`: one row per login, so refresh rotates (with reuse detection), logout and a password
 * change or disabling end it, and it has an absolute end.
 */
export class Sessions1733620000000 implements MigrationInterface {
  name = 'Sessions1733620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'login_throttle',
        columns: [
          { name: 'key', type: 'varchar', length: '120', isPrimary: true },
          col.int('failures'),
          col.timestamp('lastFailureAt'),
          col.timestamp('nextAttemptAt'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'auth_session',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('userId'),
          col.int('generation'),
          col.text('refreshHash', 64),
          col.timestamp('rotatedAt', true),
          col.timestamp('createdAt'),
          col.timestamp('expiresAt'),
          col.timestamp('revokedAt', true),
          col.text('revokedReason', 30, true),
        ],
      }),
    );
    await q.createIndex('auth_session', new TableIndex({ name: 'ix_auth_session_user', columnNames: ['userId'] }));
    await q.dropTable('login_failure');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'login_failure',
        columns: [
          { name: 'username', type: 'varchar', length: '64', isPrimary: true },
          col.int('failures'),
          col.timestamp('firstFailureAt'),
          col.timestamp('lockedUntil', true),
        ],
      }),
    );
    await q.dropTable('auth_session');
    await q.dropTable('login_throttle');
  }
}
