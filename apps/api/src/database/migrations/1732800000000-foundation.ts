import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

export class Foundation1732800000000 implements MigrationInterface {
  name = 'Foundation1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'tenant',
        columns: [col.id(), col.text('code', 12), col.text('name', 100), col.timestamp('createdAt')],
        indices: [index('uq_tenant_code', ['code'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'org_unit',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('code', 32),
          col.text('name', 120),
          col.text('kind', 16),
          col.ref('parentId', true),
          col.text('path', 400),
          col.timestamp('createdAt'),
        ],
        indices: [index('uq_org_unit_code', ['tenantId', 'code'], true), index('ix_org_unit_path', ['tenantId', 'path'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'role',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('key', 64),
          col.text('name', 100),
          col.text('nameEn', 100),
          col.json('permissions'),
        ],
        indices: [index('uq_role_key', ['tenantId', 'key'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'app_user',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('username', 64),
          col.text('displayName', 100),
          col.text('phone', 20, true),
          col.text('passwordHash', 200),
          col.bool('active', true),
          col.timestamp('createdAt'),
          col.timestamp('updatedAt'),
        ],
        indices: [index('uq_user_username', ['username'], true), index('ix_user_tenant', ['tenantId'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'role_assignment',
        columns: [col.id(), col.ref('tenantId'), col.ref('userId'), col.ref('roleId'), col.ref('orgUnitId')],
        indices: [
          index('uq_role_assignment', ['userId', 'roleId', 'orgUnitId'], true),
          index('ix_role_assignment_unit', ['tenantId', 'orgUnitId']),
        ],
      }),
    );
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
    await q.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          col.id(),
          col.ref('tenantId', true),
          col.ref('userId', true),
          col.text('username', 64, true),
          col.text('action', 200),
          col.text('entity', 64, true),
          col.text('entityId', 64, true),
          col.json('detail', true),
          col.int('status', true),
          col.text('ip', 64, true),
          col.timestamp('at'),
        ],
        indices: [index('ix_audit_tenant_at', ['tenantId', 'at'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_entry', 'login_failure', 'role_assignment', 'app_user', 'role', 'org_unit', 'tenant']) {
      await q.dropTable(t);
    }
  }
}
