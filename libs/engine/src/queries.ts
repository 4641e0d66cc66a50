import { NotFoundError } from './errors';
import type { HistoryEventType, IncidentRecord, InstanceRecord, JobRecord, StoragePort, StorageTx, TaskRecord, TaskState } from './storage';

export interface TaskQuery {
  tenantId: string;
  instanceId?: string;
  assignee?: string;
  /** tasks offered to this group (candidate groups) */
  candidateGroup?: string;
  candidateUser?: string;
  state?: TaskState;
}

export interface TimelineEntry {
  type: HistoryEventType;
  elementId: string | null;
  elementType: string | null;
  userId: string | null;
  taskId: string | null;
  at: number;
  data: Record<string, unknown>;
}

/** Read-side of the engine: tenant-checked; a store that can read outside a transaction is asked to. */
export class Queries {
  constructor(protected readonly store: StoragePort) {}

  private read<T>(work: (tx: StorageTx) => Promise<T>): Promise<T> {
    return this.store.read ? this.store.read(work) : this.store.transaction(work);
  }

  getInstance(tenantId: string, instanceId: string): Promise<InstanceRecord> {
    return this.read((tx) => this.instanceIn(tx, tenantId, instanceId));
  }

  /** element ids where the instance currently has tokens (tasks, waits, sub-process scopes, incidents) */
  getActiveActivities(tenantId: string, instanceId: string): Promise<string[]> {
    return this.read(async (tx) => {
      await this.instanceIn(tx, tenantId, instanceId);
      const rows = await tx.find('execution', { instanceId });
      return [...new Set(rows.filter((e) => e.kind !== 'root').map((e) => e.activityId))].sort();
    });
  }

  listTasks(query: TaskQuery): Promise<TaskRecord[]> {
    return this.read(async (tx) => {
      const rows = await tx.find('task', { tenantId: query.tenantId, instanceId: query.instanceId, assignee: query.assignee, state: query.state ?? 'created' });
      return rows.filter((t) => (!query.candidateGroup || (JSON.parse(t.candidateGroups) as string[]).includes(query.candidateGroup))
        && (!query.candidateUser || (JSON.parse(t.candidateUsers) as string[]).includes(query.candidateUser)));
    });
  }

  getTask(tenantId: string, taskId: string): Promise<TaskRecord> {
    return this.read(async (tx) => {
      const task = await tx.get('task', taskId);
      if (!task || task.tenantId !== tenantId) throw new NotFoundError('task', taskId);
      return task;
    });
  }

  /** the instance's timeline, oldest first */
  getHistory(tenantId: string, instanceId: string): Promise<TimelineEntry[]> {
    return this.read(async (tx) => {
      await this.instanceIn(tx, tenantId, instanceId);
      const rows = await tx.find('history', { instanceId });
      return rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).map((h) => ({
        type: h.type, elementId: h.elementId, elementType: h.elementType, userId: h.userId, taskId: h.taskId, at: h.at,
        data: JSON.parse(h.data) as Record<string, unknown>,
      }));
    });
  }

  /** instance-level variables; for an ended instance, the values it ended with */
  getVariables(tenantId: string, instanceId: string): Promise<Record<string, unknown>> {
    return this.read(async (tx) => {
      const instance = await this.instanceIn(tx, tenantId, instanceId);
      if (instance.state !== 'active') {
        const ended = (await tx.find('history', { instanceId })).filter((h) => h.type === 'instance-ended' || h.type === 'instance-terminated');
        return (JSON.parse(ended[ended.length - 1]?.data ?? '{}') as { variables?: Record<string, unknown> }).variables ?? {};
      }
      const rows = await tx.find('variable', { instanceId, scopeId: instanceId });
      return Object.fromEntries(rows.map((r) => [r.name, JSON.parse(r.value)]));
    });
  }

  listIncidents(tenantId: string, instanceId?: string): Promise<IncidentRecord[]> {
    return this.read((tx) => tx.find('incident', { tenantId, instanceId, state: 'open' }));
  }

  listJobs(tenantId: string, instanceId?: string): Promise<JobRecord[]> {
    return this.read((tx) => tx.find('job', { tenantId, instanceId }));
  }

  /** instances started by call activities of this instance */
  listCalledInstances(tenantId: string, instanceId: string): Promise<InstanceRecord[]> {
    return this.read(async (tx) => {
      const executions = await tx.find('execution', { instanceId });
      const called: InstanceRecord[] = [];
      for (const e of executions) called.push(...await tx.find('instance', { tenantId, parentExecutionId: e.id }));
      return called;
    });
  }

  protected async instanceIn(tx: StorageTx, tenantId: string, instanceId: string): Promise<InstanceRecord> {
    const instance = await tx.get('instance', instanceId);
    if (!instance || instance.tenantId !== tenantId) throw new NotFoundError('process instance', instanceId);
    return instance;
  }
}
