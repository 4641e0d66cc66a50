import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

export class Students1732800001000 implements MigrationInterface {
  name = 'Students1732800001000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'student',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('name', 50),
          col.text('sex', 6),
          col.text('ethnicity', 20, true),
          col.text('birthDate', 10),
          col.text('idNumber', 18),
          col.text('studentNumber', 19, true),
          col.ref('schoolId', true),
          col.text('schoolPath', 400),
          col.text('grade', 20, true),
          col.text('className', 20, true),
          col.text('residenceCode', 12, true),
          col.text('village', 60, true),
          col.json('guardians'),
          col.json('flags'),
          col.text('status', 24),
          col.bool('isDemo', false),
          col.timestamp('createdAt'),
          col.timestamp('updatedAt'),
        ],
        indices: [
          index('uq_student_id_number', ['tenantId', 'idNumber'], true),
          index('ix_student_school_path', ['tenantId', 'schoolPath']),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('student');
  }
}
