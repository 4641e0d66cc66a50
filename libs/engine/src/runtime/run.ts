import { VariableRows } from './variable-rows';
import { then } from '../now';
import { ConcurrencyError, EngineFault } from '../errors';
import type {
  DefinitionRecord,
  ExecutionKind,
  ExecutionRecord,
  ExecutionState,
  HistoryEventType,
  HistoryRecord,
  InstanceRecord,
  Now,
  StorageTx,
} from '../storage';
import type { ElementDef, ProcessModel } from '../model/model';
import type { ServiceHandler } from './handlers';
import type { WorkingDayCalendar } from './day-count';

/** What a command needs from the engine beyond the transaction. */
export interface RunDeps {
  newId(): string;
  handlers: Map<string, ServiceHandler>;
  model(definition: DefinitionRecord): Promise<ProcessModel>;
  /** the model of a definition already parsed, by definition id (what `model` resolved to), else undefined */
  parsedModel(definitionId: string): ProcessModel | undefined;
  retryBackoffMs: number;
  /** the county calendars durations count working days in (day-count.ts) */
  calendar: WorkingDayCalendar;
  /** immutable definition rows by id (bounded by the number of deployed versions) */
  definitions: Map<string, DefinitionRecord>;
}

export type AgendaItem =
  | { op: 'enter'; execId: string; flows?: undefined; values?: undefined }
  | { op: 'leave'; execId: string; flows?: string[]; values?: Record<string, unknown> };

export type { Now } from '../storage';

/**
 * One engine command: the transaction, the clock reading, an agenda of token moves, and caches so each
 * row is read once per command. Everything a command changes goes through here, inside `tx`.
 *
 * The readers answer from the caches without an async call when they can (`Now<T>`): a token move asks for its
 * element, model, execution and instance many times, and each async call and await was a promise and a turn of
 * the microtask queue for a value the command already held.
 */
export class Run {
  readonly agenda: AgendaItem[] = [];
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly instances = new Map<string, InstanceRecord>();
  readonly touchedInstances = new Set<string>();
  /** variable rows per instance, loaded on first use (see variables.ts) */
  readonly variableRows = new Map<string, VariableRows>();
  private readonly pendingHistory: HistoryRecord[] = [];
  /** per instance, the names of the variables this command changed since its conditional events were last looked at */
  readonly variablesChanged = new Map<string, Set<string>>();
  /** conditional waits this command opened, per instance: their condition is looked at once as they open */
  readonly openedConditionals = new Map<string, Set<string>>();
  /** conditional subscriptions that fired in this command (each fires at most once per command) */
  readonly firedConditionals = new Set<string>();

  constructor(
    readonly tx: StorageTx,
    readonly now: number,
    readonly deps: RunDeps,
    readonly userId: string | null = null,
  ) {}

  execution(id: string): Now<ExecutionRecord | undefined> {
    return this.executions.get(id) ?? this.readExecution(id);
  }

  private readExecution(id: string): Now<ExecutionRecord | undefined> {
    return then(this.tx.get('execution', id), (row) => {
      if (row) this.executions.set(id, row);
      return row;
    });
  }

  mustExecution(id: string): Now<ExecutionRecord> {
    return this.executions.get(id) ?? then(this.readExecution(id), (row) => present(row, id));
  }

  createExecution(
    instanceId: string,
    tenantId: string,
    parentId: string | null,
    kind: ExecutionKind,
    activityId: string,
    data: Record<string, unknown> = {},
    id = this.deps.newId(),
    state: ExecutionState = 'active',
  ): Now<ExecutionRecord> {
    const row: ExecutionRecord = {
      id,
      tenantId,
      instanceId,
      parentId,
      kind,
      activityId,
      state,
      data: JSON.stringify(data),
      createdAt: this.now,
      version: 1,
    };
    return then(this.tx.insert('execution', row), () => {
      this.executions.set(id, row);
      this.touchedInstances.add(instanceId);
      return row;
    });
  }

  saveExecution(row: ExecutionRecord, changes: Partial<ExecutionRecord>): Now<ExecutionRecord> {
    return then(this.tx.update('execution', { ...row, ...changes }), (saved) => {
      this.touchedInstances.add(row.instanceId);
      this.executions.set(row.id, saved);
      return saved;
    });
  }

  deleteExecution(id: string): Now<void> {
    return then(this.tx.delete('execution', id), () => {
      this.executions.delete(id);
    });
  }

  children(parentId: string): Now<ExecutionRecord[]> {
    return then(this.tx.find('execution', { parentId }), (rows) =>
      rows.map((r) => {
        const cached = this.executions.get(r.id);
        if (cached) return cached;
        this.executions.set(r.id, r);
        return r;
      }),
    );
  }

  /** the instance row if this command has read or written it */
  knownInstance(id: string): InstanceRecord | undefined {
    return this.instances.get(id);
  }

  instance(id: string): Now<InstanceRecord> {
    return this.instances.get(id) ?? this.readInstance(id);
  }

  private readInstance(id: string): Now<InstanceRecord> {
    return then(this.tx.get('instance', id), (row) => {
      if (!row) throw new ConcurrencyError('instance', id);
      this.instances.set(id, row);
      return row;
    });
  }

  saveInstance(row: InstanceRecord, changes: Partial<InstanceRecord>): Now<InstanceRecord> {
    return then(this.tx.update('instance', { ...row, ...changes }), (saved) => {
      this.instances.set(row.id, saved);
      return saved;
    });
  }

  rememberInstance(row: InstanceRecord): void {
    this.instances.set(row.id, row);
  }

  /** definitions never change once stored, so the engine-wide cache serves every command */
  definition(id: string): Now<DefinitionRecord> {
    return this.deps.definitions.get(id) ?? this.readDefinition(id);
  }

  private readDefinition(id: string): Now<DefinitionRecord> {
    return then(this.tx.get('definition', id), (row) => {
      if (!row) throw new EngineFault('DEFINITION_MISSING', `definition ${id} vanished`);
      this.deps.definitions.set(id, row);
      return row;
    });
  }

  /** the instance's model if this command holds the instance and its model is parsed */
  knownModel(instanceId: string): ProcessModel | undefined {
    const instance = this.instances.get(instanceId);
    return instance && this.deps.parsedModel(instance.definitionId);
  }

  modelOf(instanceId: string): Now<ProcessModel> {
    const instance = this.instances.get(instanceId);
    return (instance && this.deps.parsedModel(instance.definitionId)) ?? this.loadModel(instanceId);
  }

  private loadModel(instanceId: string): Now<ProcessModel> {
    return then(this.instance(instanceId), (instance) => this.definitionModel(instance.definitionId));
  }

  /** the parsed model of a definition: at hand once parsed (definitions never change) */
  definitionModel(definitionId: string): Now<ProcessModel> {
    return this.deps.parsedModel(definitionId) ?? then(this.definition(definitionId), (definition) => this.deps.model(definition));
  }

  element(exec: ExecutionRecord): Now<ElementDef> {
    return then(this.modelOf(exec.instanceId), (model) => elementOf(model, exec));
  }

  /** history rows are collected and written together by `flush`, at the end of the command */
  history(
    tenantId: string,
    instanceId: string | null,
    type: HistoryEventType,
    extra: { elementId?: string; elementType?: string; taskId?: string; userId?: string | null; data?: Record<string, unknown> } = {},
  ): void {
    this.pendingHistory.push({
      id: this.deps.newId(),
      tenantId,
      instanceId,
      type,
      elementId: extra.elementId ?? null,
      elementType: extra.elementType ?? null,
      userId: extra.userId === undefined ? this.userId : extra.userId,
      taskId: extra.taskId ?? null,
      at: this.now,
      data: extra.data ? JSON.stringify(extra.data) : '{}',
    });
  }

  /** must run before the command's transaction commits */
  flush(): Now<void> {
    const rows = this.pendingHistory.splice(0);
    if (rows.length === 0) return;
    if (this.tx.insertMany) return this.tx.insertMany('history', rows);
    return this.insertEach(rows);
  }

  private async insertEach(rows: HistoryRecord[]): Promise<void> {
    for (const row of rows) await this.tx.insert('history', row);
  }

  /** stops a token (or marks a job) with an incident; `retryOp` says what retrying the incident re-runs */
  async raiseIncident(
    exec: ExecutionRecord,
    type: string,
    message: string,
    jobId: string | null = null,
    retryOp: 'enter' | 'leave' = 'enter',
  ): Promise<void> {
    const id = this.deps.newId();
    await this.tx.insert('incident', {
      id,
      tenantId: exec.tenantId,
      instanceId: exec.instanceId,
      executionId: exec.id,
      jobId,
      activityId: exec.activityId,
      type,
      message,
      state: 'open',
      createdAt: this.now,
      resolvedAt: null,
      version: 1,
    });
    if (!jobId) await this.saveExecution(exec, { state: 'incident', data: JSON.stringify({ ...execData(exec), retryOp }) });
    this.history(exec.tenantId, exec.instanceId, 'incident-raised', {
      elementId: exec.activityId,
      data: { incidentId: id, type, message },
    });
  }
}

function elementOf(model: ProcessModel, exec: ExecutionRecord): ElementDef {
  const el = model.elements.get(exec.activityId);
  if (!el) throw new EngineFault('ELEMENT_MISSING', `element ${exec.activityId} not in the model`);
  return el;
}

function present(row: ExecutionRecord | undefined, id: string): ExecutionRecord {
  // A token or scope this command read a moment ago is gone: another command (another process) moved or
  // ended it and committed first. That is a lost race, not a fault — the caller gets 409 and may retry.
  if (!row) throw new ConcurrencyError('execution', id);
  return row;
}

export function execData<T = Record<string, unknown>>(exec: ExecutionRecord): T {
  return JSON.parse(exec.data) as T;
}
