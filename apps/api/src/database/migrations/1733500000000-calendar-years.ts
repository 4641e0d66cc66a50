import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** A county administrator's edits of the working-day calendar (calendar/<year>.json is the shipped default). */
export class CalendarYears1733500000000 implements MigrationInterface {
  name = 'CalendarYears1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'calendar_year',
        columns: [
          { name: 'tenantId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'content', type: 'text' },
          { name: 'updatedBy', type: 'varchar', length: '36' },
          { name: 'updatedAt', type: 'varchar', length: '30' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('calendar_year');
  }
}
