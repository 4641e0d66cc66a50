import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * External jobs (issue #18): a service task that an external worker fetches by topic over the API. Workers ask
 * "the county's open jobs on these topics", hence the (tenantId, topic) index; every other job has no topic.
 */
export class ExternalJobTopic1733840000000 implements MigrationInterface {
  name = 'ExternalJobTopic1733840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('bpmn_job', new TableColumn({ name: 'topic', type: 'varchar', length: '255', isNullable: true }));
    await q.createIndex('bpmn_job', new TableIndex({ name: 'ix_bpmn_job_tenantId_topic', columnNames: ['tenantId', 'topic'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('bpmn_job', 'ix_bpmn_job_tenantId_topic');
    await q.dropColumn('bpmn_job', 'topic');
  }
}
