import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** The engine's tables as first released. Frozen: later changes get migrations of their own. */
export class EngineTables1732900000000 implements MigrationInterface {
  name = 'EngineTables1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'bpmn_definition',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'key', type: 'varchar', length: '255' },
          { name: 'version', type: 'integer' },
          { name: 'name', type: 'varchar', length: '255', isNullable: true },
          { name: 'resourceName', type: 'varchar', length: '255' },
          { name: 'contentHash', type: 'varchar', length: '64' },
          { name: 'xml', type: 'text' },
          { name: 'deployedAt', type: 'bigint' },
        ],
        indices: [{ name: 'ix_bpmn_definition_tenantId_key_version', columnNames: ['tenantId', 'key', 'version'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bpmn_instance',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'definitionId', type: 'varchar', length: '36' },
          { name: 'key', type: 'varchar', length: '255' },
          { name: 'businessKey', type: 'varchar', length: '255', isNullable: true },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'parentExecutionId', type: 'varchar', length: '36', isNullable: true },
          { name: 'startedBy', type: 'varchar', length: '64', isNullable: true },
          { name: 'startedAt', type: 'bigint' },
          { name: 'endedAt', type: 'bigint', isNullable: true },
          { name: 'version', type: 'integer' },
        ],
        indices: [
          { name: 'ix_bpmn_instance_tenantId_state', columnNames: ['tenantId', 'state'] },
          { name: 'ix_bpmn_instance_parentExecutionId', columnNames: ['parentExecutionId'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bpmn_execution',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'instanceId', type: 'varchar', length: '36' },
          { name: 'parentId', type: 'varchar', length: '36', isNullable: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'activityId', type: 'varchar', length: '255' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'data', type: 'text' },
          { name: 'createdAt', type: 'bigint' },
          { name: 'version', type: 'integer' },
        ],
        indices: [
          { name: 'ix_bpmn_execution_instanceId', columnNames: ['instanceId'] },
          { name: 'ix_bpmn_execution_parentId', columnNames: ['parentId'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bpmn_task',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'instanceId', type: 'varchar', length: '36' },
          { name: 'executionId', type: 'varchar', length: '36' },
          { name: 'definitionId', type: 'varchar', length: '36' },
          { name: 'activityId', type: 'varchar', length: '255' },
          { name: 'name', type: 'varchar', length: '255', isNullable: true },
          { name: 'assignee', type: 'varchar', length: '64', isNullable: true },
          { name: 'candidateGroups', type: 'text' },
          { name: 'candidateUsers', type: 'text' },
          { name: 'dueAt', type: 'bigint', isNullable: true },
          { name: 'formKey', type: 'varchar', length: '255', isNullable: true },
          { name: 'fieldPermissions', type: 'text' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'createdAt', type: 'bigint' },
          { name: 'claimedAt', type: 'bigint', isNullable: true },
          { name: 'completedAt', type: 'bigint', isNullable: true },
          { name: 'completedBy', type: 'varchar', length: '64', isNullable: true },
          { name: 'version', type: 'integer' },
        ],
        indices: [
          { name: 'ix_bpmn_task_tenantId_state', columnNames: ['tenantId', 'state'] },
          { name: 'ix_bpmn_task_instanceId', columnNames: ['instanceId'] },
          { name: 'ix_bpmn_task_executionId', columnNames: ['executionId'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bpmn_variable',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'instanceId', type: 'varchar', length: '36' },
          { name: 'scopeId', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '255' },
          { name: 'value', type: 'text' },
          { name: 'version', type: 'integer' },
        ],
        indices: [
          { name: 'ix_bpmn_variable_instanceId', columnNames: ['instanceId'] },
          { name: 'ix_bpmn_variable_scopeId_name', columnNames: ['scopeId', 'name'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bpmn_job',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'instanceId', type: 'varchar', length: '36', isNullable: true },
          { name: 'executionId', type: 'varchar', length: '36', isNullable: true },
          { name: 'definitionId', type: 'varchar', length: '36' },
          { name: 'activityId', type: 'varchar', length: '255' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'payload', type: 'text' },
          { name: 'dueAt', type: 'bigint' },
          { name: 'retries', type: 'integer' },
          { name: 'lockOwner', type: 'varchar', length: '100', isNullable: true },
          { name: 'lockExpiresAt', type: 'bigint', isNullable: true },
          { name: 'lastError', type: 'text', isNullable: true },
          { name: 'createdAt', type: 'bigint' },
          { name: 'version', type: 'integer' },
        ],
        indices: [
          { name: 'ix_bpmn_job_dueAt', columnNames: ['dueAt'] },
          { name: 'ix_bpmn_job_instanceId', columnNames: ['instanceId'] },
          { name: 'ix_bpmn_job_executionId', columnNames: ['executionId'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bpmn_subscription',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'instanceId', type: 'varchar', length: '36', isNullable: true },
          { name: 'executionId', type: 'varchar', length: '36', isNullable: true },
          { name: 'definitionId', type: 'varchar', length: '36' },
          { name: 'activityId', type: 'varchar', length: '255' },
          { name: 'messageName', type: 'varchar', length: '255' },
          { name: 'correlationKey', type: 'varchar', length: '255', isNullable: true },
          { name: 'createdAt', type: 'bigint' },
        ],
        indices: [
          { name: 'ix_bpmn_subscription_tenantId_messageName_correlationKey', columnNames: ['tenantId', 'messageName', 'correlationKey'] },
          { name: 'ix_bpmn_subscription_instanceId', columnNames: ['instanceId'] },
          { name: 'ix_bpmn_subscription_executionId', columnNames: ['executionId'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bpmn_incident',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'instanceId', type: 'varchar', length: '36', isNullable: true },
          { name: 'executionId', type: 'varchar', length: '36', isNullable: true },
          { name: 'jobId', type: 'varchar', length: '36', isNullable: true },
          { name: 'activityId', type: 'varchar', length: '255' },
          { name: 'type', type: 'varchar', length: '40' },
          { name: 'message', type: 'text' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'createdAt', type: 'bigint' },
          { name: 'resolvedAt', type: 'bigint', isNullable: true },
          { name: 'version', type: 'integer' },
        ],
        indices: [
          { name: 'ix_bpmn_incident_instanceId', columnNames: ['instanceId'] },
          { name: 'ix_bpmn_incident_tenantId_state', columnNames: ['tenantId', 'state'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bpmn_history',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'instanceId', type: 'varchar', length: '36', isNullable: true },
          { name: 'type', type: 'varchar', length: '40' },
          { name: 'elementId', type: 'varchar', length: '255', isNullable: true },
          { name: 'elementType', type: 'varchar', length: '40', isNullable: true },
          { name: 'userId', type: 'varchar', length: '64', isNullable: true },
          { name: 'taskId', type: 'varchar', length: '36', isNullable: true },
          { name: 'at', type: 'bigint' },
          { name: 'data', type: 'text' },
        ],
        indices: [{ name: 'ix_bpmn_history_instanceId_at', columnNames: ['instanceId', 'at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'bpmn_history',
      'bpmn_incident',
      'bpmn_subscription',
      'bpmn_job',
      'bpmn_variable',
      'bpmn_task',
      'bpmn_execution',
      'bpmn_instance',
      'bpmn_definition',
    ]) {
      await q.dropTable(table);
    }
  }
}
