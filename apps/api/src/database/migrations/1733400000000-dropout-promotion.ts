import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The 辍学台账 is fed by promotion from the 疑似辍学台账 (ledgers/dropout-promotion.ts), run by every API process.
 * A child has at most one dropout entry that is not signed off: the unique partial index is what makes two
 * processes promoting the same child at once store one entry (the loser's insert is ignored). The second index
 * lets the detector find suspected entries past the deadline without scanning the ledger.
 */
export class DropoutPromotion1733400000000 implements MigrationInterface {
  name = 'DropoutPromotion1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'ledger_entry',
      new TableIndex({
        name: 'ux_ledger_entry_open_dropout',
        columnNames: ['tenantId', 'idNumber'],
        isUnique: true,
        where: `"kind" = 'dropout' AND "status" <> 'signed-off'`,
      }),
    );
    await q.createIndex(
      'ledger_entry',
      new TableIndex({ name: 'ix_ledger_entry_kind_status_created', columnNames: ['kind', 'status', 'createdAt'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('ledger_entry', 'ix_ledger_entry_kind_status_created');
    await q.dropIndex('ledger_entry', 'ux_ledger_entry_open_dropout');
  }
}
