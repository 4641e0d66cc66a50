import type { RecordKind } from '@kcbx/engine';
import { EntitySchema, EntitySchemaColumnOptions, ValueTransformer } from 'typeorm';

/**
 * The engine's records as tables, 1:1 (no decorators: the engine's record types stay plain interfaces).
 * Times are epoch milliseconds in bigint columns; PostgreSQL returns bigint as text, hence the transformer.
 */
const epochMs: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? null : Number(v)),
};

const id = (): EntitySchemaColumnOptions => ({ type: 'varchar', length: 36, primary: true });
const ref = (nullable = false): EntitySchemaColumnOptions => ({ type: 'varchar', length: 36, nullable });
const text = (length: number, nullable = false): EntitySchemaColumnOptions => ({ type: 'varchar', length, nullable });
const long = (nullable = false): EntitySchemaColumnOptions => ({ type: 'text', nullable });
const time = (nullable = false): EntitySchemaColumnOptions => ({ type: 'bigint', nullable, transformer: epochMs });
const int = (): EntitySchemaColumnOptions => ({ type: 'integer' });

export const TABLE_OF: Record<RecordKind, string> = {
  definition: 'bpmn_definition',
  decision: 'bpmn_decision',
  instance: 'bpmn_instance',
  execution: 'bpmn_execution',
  task: 'bpmn_task',
  variable: 'bpmn_variable',
  job: 'bpmn_job',
  subscription: 'bpmn_subscription',
  incident: 'bpmn_incident',
  history: 'bpmn_history',
};

const COLUMNS: Record<RecordKind, Record<string, EntitySchemaColumnOptions>> = {
  definition: {
    id: id(),
    tenantId: ref(),
    key: text(255),
    version: int(),
    name: text(255, true),
    resourceName: text(255),
    contentHash: text(64),
    xml: long(),
    deployedAt: time(),
  },
  decision: {
    id: id(),
    tenantId: ref(),
    key: text(255),
    version: int(),
    name: text(255, true),
    resourceName: text(255),
    contentHash: text(64),
    xml: long(),
    deployedAt: time(),
  },
  instance: {
    id: id(),
    tenantId: ref(),
    definitionId: ref(),
    key: text(255),
    businessKey: text(255, true),
    state: text(16),
    parentExecutionId: ref(true),
    startedBy: text(64, true),
    startedAt: time(),
    endedAt: time(true),
    version: int(),
  },
  execution: {
    id: id(),
    tenantId: ref(),
    instanceId: ref(),
    parentId: ref(true),
    kind: text(16),
    activityId: text(255),
    state: text(16),
    data: long(),
    createdAt: time(),
    version: int(),
  },
  task: {
    id: id(),
    tenantId: ref(),
    instanceId: ref(),
    executionId: ref(),
    definitionId: ref(),
    activityId: text(255),
    name: text(255, true),
    assignee: text(64, true),
    candidateGroups: long(),
    candidateUsers: long(),
    dueAt: time(true),
    formKey: text(255, true),
    fieldPermissions: long(),
    state: text(16),
    createdAt: time(),
    claimedAt: time(true),
    completedAt: time(true),
    completedBy: text(64, true),
    version: int(),
  },
  variable: { id: id(), tenantId: ref(), instanceId: ref(), scopeId: ref(), name: text(255), value: long(), version: int() },
  job: {
    id: id(),
    tenantId: ref(),
    instanceId: ref(true),
    executionId: ref(true),
    definitionId: ref(),
    activityId: text(255),
    kind: text(16),
    payload: long(),
    topic: text(255, true),
    dueAt: time(),
    retries: int(),
    lockOwner: text(100, true),
    lockExpiresAt: time(true),
    lastError: long(true),
    createdAt: time(),
    version: int(),
  },
  subscription: {
    id: id(),
    tenantId: ref(),
    kind: { ...text(16), default: 'message' },
    instanceId: ref(true),
    executionId: ref(true),
    definitionId: ref(),
    activityId: text(255),
    messageName: text(255),
    correlationKey: text(255, true),
    createdAt: time(),
  },
  incident: {
    id: id(),
    tenantId: ref(),
    instanceId: ref(true),
    executionId: ref(true),
    jobId: ref(true),
    activityId: text(255),
    type: text(40),
    message: long(),
    state: text(16),
    createdAt: time(),
    resolvedAt: time(true),
    version: int(),
  },
  history: {
    id: id(),
    tenantId: ref(),
    instanceId: ref(true),
    type: text(40),
    elementId: text(255, true),
    elementType: text(40, true),
    userId: text(64, true),
    taskId: ref(true),
    at: time(),
    data: long(),
  },
};

/**
 * Indexes for the engine's lookups: by instance, by parent, the inbox, message correlation, due jobs. A lookup by
 * parent always names one, so the rows without a parent have no entry; tasks are found by instance, not by
 * execution (leaner-engine-indexes.migration.ts).
 */
const INDEXES: Record<RecordKind, (string[] | { columns: string[]; where: string })[]> = {
  definition: [['tenantId', 'key', 'version']],
  decision: [['tenantId', 'key', 'version']],
  instance: [['tenantId', 'state'], { columns: ['parentExecutionId'], where: '"parentExecutionId" IS NOT NULL' }],
  execution: [['instanceId'], { columns: ['parentId'], where: '"parentId" IS NOT NULL' }],
  task: [['tenantId', 'state'], ['instanceId']],
  variable: [['instanceId'], ['scopeId', 'name']],
  job: [['dueAt'], ['instanceId'], ['executionId'], ['tenantId', 'topic']],
  subscription: [['tenantId', 'messageName', 'correlationKey'], ['instanceId'], ['executionId']],
  incident: [['instanceId'], ['tenantId', 'state']],
  history: [['instanceId', 'at']],
};

export const ENGINE_SCHEMAS: Record<RecordKind, EntitySchema> = Object.fromEntries(
  (Object.keys(COLUMNS) as RecordKind[]).map((kind) => [
    kind,
    new EntitySchema({
      name: TABLE_OF[kind],
      tableName: TABLE_OF[kind],
      columns: COLUMNS[kind],
      indices: INDEXES[kind].map((index) => {
        const { columns, where } = Array.isArray(index) ? { columns: index, where: undefined } : index;
        return { name: `ix_${TABLE_OF[kind]}_${columns.join('_')}`, columns, where };
      }),
    }),
  ]),
) as Record<RecordKind, EntitySchema>;
