import { NotFoundError } from './errors';
import { then } from './now';
import type {
  ExecutionRecord,
  Filter,
  HistoryEventType,
  HistoryRecord,
  IncidentRecord,
  InstanceRecord,
  JobRecord,
  Now,
  RecordKind,
  RecordKinds,
  StoragePort,
  StorageTx,
  TaskRecord,
  TaskState,
} from './storage';

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
export class Queries<H = unknown> {
  constructor(protected readonly store: StoragePort<H>) {}

  protected read<T>(work: (tx: StorageTx<H>) => Now<T>): Promise<T> {
    return this.store.read ? this.store.read(work) : this.store.transaction(work);
  }

  getInstance(tenantId: string, instanceId: string): Promise<InstanceRecord> {
    return this.read((tx) => this.instanceIn(tx, tenantId, instanceId));
  }

  /** element ids where the instance currently has tokens (tasks, waits, sub-process scopes, incidents) */
  getActiveActivities(tenantId: string, instanceId: string): Promise<string[]> {
    return this.read(async (tx) => {
      await this.instanceIn(tx, tenantId, instanceId);
      return activeActivities(await tx.find('execution', { instanceId }));
    });
  }

  listTasks(query: TaskQuery): Promise<TaskRecord[]> {
    const filter = { tenantId: query.tenantId, instanceId: query.instanceId, assignee: query.assignee, state: query.state ?? 'created' };
    return this.read((tx) =>
      then(tx.find('task', filter), (rows) =>
        !query.candidateGroup && !query.candidateUser
          ? rows
          : rows.filter(
              (t) =>
                (!query.candidateGroup || (JSON.parse(t.candidateGroups) as string[]).includes(query.candidateGroup)) &&
                (!query.candidateUser || (JSON.parse(t.candidateUsers) as string[]).includes(query.candidateUser)),
            ),
      ),
    );
  }

  getTask(tenantId: string, taskId: string): Promise<TaskRecord> {
    return this.read(async (tx) => {
      const task = await tx.get('task', taskId);
      if (!task || task.tenantId !== tenantId) throw new NotFoundError('task', taskId);
      return task;
    });
  }

  /** the instance's timeline, oldest first; `type`: only the entries of that type (a case's history grows long) */
  getHistory(tenantId: string, instanceId: string, type?: HistoryRecord['type']): Promise<TimelineEntry[]> {
    return this.read(async (tx) => {
      await this.instanceIn(tx, tenantId, instanceId);
      return timeline(await tx.find('history', type ? { instanceId, type } : { instanceId }));
    });
  }

  /**
   * Many instances with their timelines, read together: one entry per id asked for, in the order asked, each the
   * same as `getInstance` and `getHistory` give. A page that lists a child's cases read those two per case, each its
   * own round trips; a store with `findIn` answers this with one statement per table, however many cases.
   * NotFoundError if any of the ids is not an instance of the tenant.
   */
  getInstancesWithHistory(tenantId: string, instanceIds: readonly string[]): Promise<InstanceWithHistory[]> {
    if (!instanceIds.length) return Promise.resolve([]);
    const ids = [...new Set(instanceIds)];
    return this.read(async (tx) => {
      const instances = new Map((await findIn(tx, 'instance', 'id', ids)).map((i) => [i.id, i]));
      for (const id of ids) {
        const instance = instances.get(id);
        if (!instance || instance.tenantId !== tenantId) throw new NotFoundError('process instance', id);
      }
      const history = new Map<string, HistoryRecord[]>();
      for (const h of await findIn(tx, 'history', 'instanceId', ids)) {
        const rows = history.get(h.instanceId!);
        if (rows) rows.push(h);
        else history.set(h.instanceId!, [h]);
      }
      return instanceIds.map((id) => ({ instance: instances.get(id)!, history: timeline(history.get(id) ?? []) }));
    });
  }

  /** instance-level variables; for an ended instance, the values it ended with */
  getVariables(tenantId: string, instanceId: string): Promise<Record<string, unknown>> {
    return this.read(async (tx) => variablesOf(tx, await this.instanceIn(tx, tenantId, instanceId)));
  }

  /**
   * Everything an instance's page shows, read once: its row, variables, active elements, open incidents and
   * timeline. The separate queries each re-read (and re-checked) the instance; a start answers with this.
   */
  getInstanceView(tenantId: string, instanceId: string): Promise<InstanceView> {
    return this.read(async (tx) => {
      if (tx.prefetchInstance) await tx.prefetchInstance(instanceId);
      const instance = await this.instanceIn(tx, tenantId, instanceId);
      const history = await tx.find('history', { instanceId });
      const executions = await tx.find('execution', { instanceId });
      const incidents = await tx.find('incident', { tenantId, instanceId, state: 'open' });
      return {
        instance,
        variables: await variablesOf(tx, instance, history),
        activeActivityIds: activeActivities(executions),
        incidents,
        history: timeline(history),
      };
    });
  }

  listIncidents(tenantId: string, instanceId?: string): Promise<IncidentRecord[]> {
    return this.read(async (tx) => tx.find('incident', { tenantId, instanceId, state: 'open' }));
  }

  listJobs(tenantId: string, instanceId?: string): Promise<JobRecord[]> {
    return this.read(async (tx) => tx.find('job', { tenantId, instanceId }));
  }

  /** instances started by call activities of this instance */
  listCalledInstances(tenantId: string, instanceId: string): Promise<InstanceRecord[]> {
    return this.read(async (tx) => {
      const executions = await tx.find('execution', { instanceId });
      const called: InstanceRecord[] = [];
      for (const e of executions) called.push(...(await tx.find('instance', { tenantId, parentExecutionId: e.id })));
      return called;
    });
  }

  protected async instanceIn(tx: StorageTx, tenantId: string, instanceId: string): Promise<InstanceRecord> {
    const instance = await tx.get('instance', instanceId);
    if (!instance || instance.tenantId !== tenantId) throw new NotFoundError('process instance', instanceId);
    return instance;
  }
}

export interface InstanceView {
  instance: InstanceRecord;
  variables: Record<string, unknown>;
  activeActivityIds: string[];
  incidents: IncidentRecord[];
  history: TimelineEntry[];
}

export interface InstanceWithHistory {
  instance: InstanceRecord;
  /** oldest first, as `getHistory` */
  history: TimelineEntry[];
}

/** rows whose `column` is one of `values`, in id order: the store's `findIn`, or one `get`/`find` per value */
async function findIn<K extends RecordKind>(
  tx: StorageTx,
  kind: K,
  column: keyof RecordKinds[K] & string,
  values: readonly string[],
): Promise<RecordKinds[K][]> {
  if (tx.findIn) return tx.findIn(kind, column, values);
  const rows = new Map<string, RecordKinds[K]>();
  for (const value of values) {
    const found = column === 'id' ? [await tx.get(kind, value)] : await tx.find(kind, { [column]: value } as Filter<RecordKinds[K]>);
    for (const row of found) if (row) rows.set(row.id, row);
  }
  return [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function activeActivities(executions: ExecutionRecord[]): string[] {
  return [...new Set(executions.filter((e) => e.kind !== 'root').map((e) => e.activityId))].sort();
}

function timeline(rows: HistoryRecord[]): TimelineEntry[] {
  return [...rows]
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
    .map((h) => ({
      type: h.type,
      elementId: h.elementId,
      elementType: h.elementType,
      userId: h.userId,
      taskId: h.taskId,
      at: h.at,
      data: JSON.parse(h.data) as Record<string, unknown>,
    }));
}

/** an ended instance's variables are the values it ended with, kept in its last history event */
async function variablesOf(tx: StorageTx, instance: InstanceRecord, history?: HistoryRecord[]): Promise<Record<string, unknown>> {
  if (instance.state !== 'active') {
    const ended = (history ?? (await tx.find('history', { instanceId: instance.id }))).filter(
      (h) => h.type === 'instance-ended' || h.type === 'instance-terminated',
    );
    return (JSON.parse(ended[ended.length - 1]?.data ?? '{}') as { variables?: Record<string, unknown> }).variables ?? {};
  }
  const rows = await tx.find('variable', { instanceId: instance.id, scopeId: instance.id });
  return Object.fromEntries(rows.map((r) => [r.name, JSON.parse(r.value)]));
}
