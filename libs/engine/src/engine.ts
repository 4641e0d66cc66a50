import { checkResources, type DeployedDefinition, type DeployResource, replaceStartEvents, storeDefinitions } from './deploy';
import {
  DeploymentError,
  type DeploymentProblem,
  EngineFault,
  InvalidArgumentError,
  MessageNotCorrelatedError,
  NotFoundError,
} from './errors';
import { executeJob } from './job-executor';
import { compileDefinitions } from './model/compile';
import type { ElementDef, ProcessModel, StartSpec } from './model/model';
import { parseBpmn } from './model/moddle';
import { Queries } from './queries';
import { runAgenda } from './runtime/agenda';
import type { ServiceHandler, SideWrites } from './runtime/handlers';
import { startInstance } from './runtime/instances';
import { Run, type RunDeps } from './runtime/run';
import { WEEKENDS_AND_STATUTORY_DAYS, type WorkingDayCalendar } from './runtime/day-count';
import { returnTask, type ReturnInput } from './runtime/return-task';
import {
  activeTask,
  claimTask,
  completeTask,
  delegateTask,
  ownTask,
  type TaskAction,
  type TaskOutput,
  unclaimTask,
} from './runtime/task-commands';

import { triggerWait } from './runtime/triggers';
import {
  bpmnErrorExternal,
  completeExternal,
  describeExternalJobs,
  extendExternalLock,
  type ExternalFailure,
  type ExternalTask,
  failExternal,
} from './runtime/external-tasks';
import { broadcastSignal, type SignalOutcome } from './runtime/signals';
import { propagate } from './runtime/variables';
import type { DefinitionRecord, InstanceRecord, StoragePort, TaskRecord } from './storage';
import { migrateInstances, type MigrationResult } from './migration';
import { timeOrderedId } from './ids';
import { stepValues, type StepValues } from './step-values';
import { then } from './now';
import type { Now } from './storage';

export type { TaskOutput, ExternalTask, ExternalFailure };

export interface Clock {
  now(): number;
}

/**
 * The host's writes beside a command, in the command's own transaction (see SideWrites): every command takes
 * them, so a host never has to write what a step caused after its commit (where a crash or a failure would
 * leave the step without them, or them without the step).
 */
export interface HostWrites<H, R> {
  sideWrites?: SideWrites<H, R>;
}

/** `H` is the store's handle on a command's transaction: what handlers (ctx.tx) and side writes receive. */
export interface EngineOptions<H = unknown> {
  store: StoragePort<H>;
  clock?: Clock;
  serviceHandlers?: Record<string, ServiceHandler<H>>;
  idGenerator?: () => string;
  /** first retry delay of a failed job; doubles on each further failure (default 10 s) */
  retryBackoffMs?: number;
  /** how long an acquired job stays locked to its owner (default 5 min) */
  jobLockMs?: number;
  /** working days per tenant for durations with dayCount "working" (default: weekends and fixed statutory holidays) */
  calendar?: WorkingDayCalendar;
}

/**
 * The BPMN engine. Every command runs in one storage transaction: it either happens completely or not at
 * all. The engine keeps no state of its own besides a cache of parsed definitions (immutable per id).
 */
export class Engine<H = unknown> extends Queries<H> {
  private readonly clock: Clock;
  private readonly deps: RunDeps;
  private readonly models = new Map<string, Promise<ProcessModel>>();
  /** the same models once parsed, for readers that need no await (RunDeps.parsedModel) */
  private readonly parsedModels = new Map<string, ProcessModel>();
  private readonly jobLockMs: number;
  /** distinct per engine object, so two processes using the defaults never share a job lock */
  private readonly lockOwner = `engine-${timeOrderedId()}`;

  constructor(options: EngineOptions<H>) {
    super(options.store);
    this.clock = options.clock ?? { now: () => Date.now() };
    this.jobLockMs = options.jobLockMs ?? 5 * 60_000;
    this.deps = {
      newId: options.idGenerator ?? timeOrderedId,
      handlers: new Map(Object.entries(options.serviceHandlers ?? {}).map(([name, handler]) => [name, asStored(handler)])),
      model: (definition) => this.model(definition),
      parsedModel: (definitionId) => this.parsedModels.get(definitionId),
      retryBackoffMs: options.retryBackoffMs ?? 10_000,
      calendar: options.calendar ?? WEEKENDS_AND_STATUTORY_DAYS,
      definitions: new Map(),
    };
  }

  /** a stored definition of this county by id, from the engine-wide cache its commands use (definitions never change) */
  async getDefinition(tenantId: string, id: string): Promise<DefinitionRecord | undefined> {
    let row = this.deps.definitions.get(id);
    if (!row) {
      row = await this.read(async (tx) => tx.get('definition', id));
      if (row) this.deps.definitions.set(id, row);
    }
    return row?.tenantId === tenantId ? row : undefined;
  }

  /** the engine's part of what a step's form opens with: its input values and its own previous submission */
  async getStepValues(tenantId: string, taskId: string): Promise<StepValues> {
    const task = await this.getTask(tenantId, taskId);
    const definition = await this.getDefinition(tenantId, task.definitionId);
    const elements = definition ? (await this.model(definition)).elements : new Map<string, ElementDef>();
    return this.read((tx) => stepValues(tx, task, elements.get(task.activityId), elements));
  }

  registerServiceHandler(name: string, handler: ServiceHandler<H>): void {
    this.deps.handlers.set(name, asStored(handler));
  }

  async deploy(
    input: { tenantId: string; resources: DeployResource[] } & HostWrites<H, DeployedDefinition[]>,
  ): Promise<DeployedDefinition[]> {
    const checked = await checkResources(input.resources);
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const { deployed, created } = await storeDefinitions(tx, input.tenantId, checked, now, this.deps.newId);
      for (const { record, model } of created) await replaceStartEvents(tx, record, model, now, this.deps.newId, this.deps.calendar);
      if (input.sideWrites) await input.sideWrites(await tx.host(), deployed);
      return deployed;
    });
  }

  async startProcess(
    input: {
      tenantId: string;
      key: string;
      businessKey?: string | null;
      variables?: Record<string, unknown>;
      startedBy?: string | null;
      version?: number;
      definitionId?: string;
    } & HostWrites<H, InstanceRecord>,
  ): Promise<InstanceRecord> {
    return this.command(input, input.startedBy ?? null, (run) =>
      then(input.definitionId ? this.definitionById(run, input) : this.definitionByKey(run, input), (definition) => {
        if (!definition) throw new NotFoundError('process', input.key);
        const started = startInstance(run, definition, {
          variables: input.variables,
          businessKey: input.businessKey,
          startedBy: input.startedBy,
        });
        return then(started, (instance) => then(runAgenda(run), () => run.instance(instance.id)));
      }),
    );
  }

  /** completes a task held by the caller or by nobody; see runtime/task-commands.ts for `variables` */
  completeTask(input: TaskAction & { variables?: TaskOutput } & HostWrites<H, TaskRecord>): Promise<TaskRecord> {
    return this.command(input, input.userId, (run) => completeTask(run, input));
  }

  claimTask(input: TaskAction & HostWrites<H, TaskRecord>): Promise<TaskRecord> {
    return this.command(input, input.userId, (run) => claimTask(run, input));
  }

  unclaimTask(input: TaskAction & HostWrites<H, TaskRecord>): Promise<TaskRecord> {
    return this.command(input, input.userId, (run) => unclaimTask(run, input));
  }

  /** sends the case back to an earlier user task (see runtime/return-task.ts); returns the cancelled task */
  returnTask(input: Omit<TaskAction, 'expectedVersion'> & ReturnInput & HostWrites<H, TaskRecord>): Promise<TaskRecord> {
    return this.command(input, input.userId, async (run) => returnTask(run, await ownTask(run, input), input));
  }

  /**
   * 撤回: the open task goes back to the step before it, for whoever completed that one — like a return, but asked
   * by that step's submitter, who does not hold this task (the host checks that the task is not claimed or worked).
   */
  withdrawTask(input: Omit<TaskAction, 'expectedVersion'> & { reason: string } & HostWrites<H, TaskRecord>): Promise<TaskRecord> {
    return this.command(input, input.userId, async (run) =>
      returnTask(run, await activeTask(run.tx, input.tenantId, input.taskId), { reason: input.reason, withdrawn: true }),
    );
  }

  /** hands an open task to another user (the caller must hold it, or it must be unassigned) */
  delegateTask(input: Omit<TaskAction, 'expectedVersion'> & { assignee: string } & HostWrites<H, TaskRecord>): Promise<TaskRecord> {
    return this.command(input, input.userId, (run) => delegateTask(run, input));
  }

  /**
   * The none start event of a process (latest version unless `version` is given): its start form and the
   * roles that may start it. Null when the process can only start by message or timer.
   */
  async startSpec(
    tenantId: string,
    key: string,
    version?: number,
  ): Promise<{ definition: DefinitionRecord; startEventId: string; spec: StartSpec } | null> {
    const versions = (await this.read(async (tx) => tx.find('definition', { tenantId, key }))).sort((a, b) => b.version - a.version);
    const definition = version ? versions.find((d) => d.version === version) : versions[0];
    if (!definition) throw new NotFoundError('process', key);
    const model = await this.model(definition);
    const startEventId = model.startEvents.find((id) => model.elements.get(id)!.event === 'none');
    if (!startEventId) return null;
    const spec = model.elements.get(startEventId)!.start ?? { formKey: null, fieldPermissions: {}, starterGroups: [] };
    return { definition, startEventId, spec };
  }

  /** every problem `deploy` would refuse these resources for (empty when they would deploy), storing nothing */
  async checkDeployment(resources: DeployResource[]): Promise<DeploymentProblem[]> {
    try {
      await checkResources(resources);
      return [];
    } catch (error) {
      if (error instanceof DeploymentError) return error.problems;
      throw error;
    }
  }

  /**
   * What `deploy` would do, without storing anything: every check runs (the same DeploymentError), then the
   * deployment is carried out in a transaction that is rolled back, so versions and start timers are exact.
   */
  async planDeployment(input: { tenantId: string; resources: DeployResource[] }): Promise<Omit<DeployedDefinition, 'id'>[]> {
    const checked = await checkResources(input.resources);
    const now = this.clock.now();
    let plan: Omit<DeployedDefinition, 'id'>[] = [];
    const rollback = new Error('dry run');
    try {
      await this.store.transaction(async (tx) => {
        const { deployed, created } = await storeDefinitions(tx, input.tenantId, checked, now, this.deps.newId);
        for (const { record, model } of created) await replaceStartEvents(tx, record, model, now, this.deps.newId, this.deps.calendar);
        plan = deployed.map(({ id: _id, ...rest }) => rest);
        throw rollback;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
    return plan;
  }

  /** delivers a message to the instance waiting for (name, key), or starts a process with that message start event */
  async correlateMessage(
    input: {
      tenantId: string;
      name: string;
      correlationKey?: string | null;
      variables?: Record<string, unknown>;
    } & HostWrites<H, { instanceId: string; started: boolean }>,
  ): Promise<{ instanceId: string; started: boolean }> {
    return this.command(input, null, async (run) => {
      const key = input.correlationKey ?? null;
      const waiting =
        key === null
          ? []
          : (
              await run.tx.find('subscription', { tenantId: input.tenantId, kind: 'message', messageName: input.name, correlationKey: key })
            ).filter((s) => s.instanceId !== null);
      const vars = input.variables ?? {};
      if (waiting.length > 0) {
        const sub = waiting[0];
        run.history(sub.tenantId, sub.instanceId, 'message-correlated', {
          elementId: sub.activityId,
          data: { name: input.name, correlationKey: key, variables: vars },
        });
        await triggerWait(run, await run.mustExecution(sub.executionId!), sub.activityId, vars);
        await runAgenda(run);
        return { instanceId: sub.instanceId!, started: false };
      }
      const [start] = (
        await run.tx.find('subscription', { tenantId: input.tenantId, kind: 'message', messageName: input.name, correlationKey: null })
      ).filter((s) => s.instanceId === null);
      if (!start) throw new MessageNotCorrelatedError(input.name, key);
      const instance = await startInstance(run, await run.definition(start.definitionId), {
        variables: vars,
        businessKey: key,
        startEventId: start.activityId,
      });
      run.history(start.tenantId, instance.id, 'message-correlated', {
        elementId: start.activityId,
        data: { name: input.name, correlationKey: key },
      });
      await runAgenda(run);
      return { instanceId: instance.id, started: true };
    });
  }

  /**
   * Broadcasts a signal in one county: every instance waiting for it there (catch events, boundary events, event
   * sub-processes) gets it, and every process whose latest version starts on it starts — no other county's.
   */
  async broadcastSignal(
    input: { tenantId: string; name: string; variables?: Record<string, unknown>; userId?: string | null } & HostWrites<H, SignalOutcome>,
  ): Promise<SignalOutcome> {
    if (!input.name || input.name.length > 255) throw new InvalidArgumentError('signal-name', {}, 'signal name must be 1–255 characters');
    return this.command(input, input.userId ?? null, async (run) => {
      const outcome = await broadcastSignal(run, input.tenantId, input.name, input.variables ?? {});
      await runAgenda(run);
      return outcome;
    });
  }

  /** sets variables on an instance (e.g. to fix data before retrying an incident); conditional events may fire */
  async setVariables(
    input: {
      tenantId: string;
      instanceId: string;
      variables: Record<string, unknown>;
      userId?: string | null;
    } & HostWrites<H, void>,
  ): Promise<void> {
    await this.command(input, input.userId ?? null, async (run) => {
      const instance = await this.instanceIn(run.tx, input.tenantId, input.instanceId);
      if (instance.state !== 'active')
        throw new InvalidArgumentError('instance-ended', { id: instance.id }, `instance ${instance.id} has ended`);
      await propagate(run, await run.mustExecution(instance.id), input.variables);
      run.history(instance.tenantId, instance.id, 'variables-updated', { data: { variables: input.variables } });
      await runAgenda(run);
    });
  }

  /** runs every job due at `now` (default: the clock), including jobs that become due while running */
  async executeDueJobs(now = this.clock.now(), lockOwner = this.lockOwner, limit = 100): Promise<{ done: number; failed: number }> {
    const totals = { done: 0, failed: 0 };
    for (let round = 0; round < 1000; round++) {
      const jobs = await this.store.acquireJobs(now, limit, lockOwner, this.jobLockMs);
      if (jobs.length === 0) break;
      for (const job of jobs) {
        const outcome = await executeJob(this.store, this.deps, job, lockOwner, now);
        if (outcome !== 'skipped') totals[outcome]++;
      }
    }
    return totals;
  }

  acquireAndExecute(lockOwner: string, limit = 100): Promise<{ done: number; failed: number }> {
    return this.executeDueJobs(this.clock.now(), lockOwner, limit);
  }

  /**
   * External workers (Camunda 7 external tasks): locks up to `maxTasks` of the county's due jobs on the topics,
   * each for its topic's lock duration, and returns them with their variables. Competing workers never get the
   * same job while its lock holds.
   */
  async fetchAndLockExternalTasks(input: {
    tenantId: string;
    workerId: string;
    maxTasks: number;
    topics: { topicName: string; lockDurationMs: number }[];
  }): Promise<ExternalTask[]> {
    const now = this.clock.now();
    const topics = new Map(input.topics.map((t) => [t.topicName, t.lockDurationMs]));
    const jobs = await this.store.acquireExternalJobs(input.tenantId, topics, now, input.maxTasks, input.workerId);
    if (!jobs.length) return [];
    return this.read((tx) => describeExternalJobs(new Run(tx, now, this.deps), jobs));
  }

  completeExternalTask(
    input: { tenantId: string; jobId: string; workerId: string; variables?: Record<string, unknown> } & HostWrites<H, void>,
  ): Promise<void> {
    return this.command(input, null, async (run) => {
      await completeExternal(run, input);
      await runAgenda(run);
    });
  }

  failExternalTask(input: { tenantId: string; jobId: string; workerId: string } & ExternalFailure & HostWrites<H, void>): Promise<void> {
    return this.command(input, null, (run) => failExternal(run, input));
  }

  bpmnErrorExternalTask(
    input: { tenantId: string; jobId: string; workerId: string; errorCode: string } & HostWrites<H, void>,
  ): Promise<void> {
    return this.command(input, null, async (run) => {
      await bpmnErrorExternal(run, input);
      await runAgenda(run);
    });
  }

  extendExternalTaskLock(input: { tenantId: string; jobId: string; workerId: string; newDurationMs: number }): Promise<void> {
    return this.command({}, null, (run) => extendExternalLock(run, input));
  }

  async retryIncident(
    input: { tenantId: string; incidentId: string; retries?: number; userId?: string | null } & HostWrites<H, void>,
  ): Promise<void> {
    await this.command(input, input.userId ?? null, async (run) => {
      const incident = await run.tx.get('incident', input.incidentId);
      if (!incident || incident.tenantId !== input.tenantId) throw new NotFoundError('incident', input.incidentId);
      if (incident.state !== 'open')
        throw new InvalidArgumentError('incident-resolved', { id: incident.id }, `incident ${incident.id} is already resolved`);
      await run.tx.update('incident', { ...incident, state: 'resolved', resolvedAt: run.now });
      run.history(incident.tenantId, incident.instanceId, 'incident-resolved', {
        elementId: incident.activityId,
        data: { incidentId: incident.id },
      });
      if (incident.jobId) {
        const job = await run.tx.get('job', incident.jobId);
        if (job) await run.tx.update('job', { ...job, retries: input.retries ?? 1, dueAt: run.now, lockOwner: null, lockExpiresAt: null });
        return;
      }
      const exec = incident.executionId ? await run.execution(incident.executionId) : undefined;
      if (!exec) return;
      const { retryOp = 'enter' } = JSON.parse(exec.data) as { retryOp?: 'enter' | 'leave' };
      const resumed = await run.saveExecution(exec, { state: 'active' });
      run.agenda.push({ op: retryOp, execId: resumed.id });
      await runAgenda(run);
    });
  }

  migrateInstances(
    input: {
      tenantId: string;
      fromDefinitionId: string;
      toDefinitionId: string;
      userId?: string | null;
      /** only say what would move */
      dryRun?: boolean;
    } & HostWrites<H, MigrationResult>,
  ): Promise<MigrationResult> {
    return this.command(input, input.userId ?? null, (run) =>
      migrateInstances(run, input.tenantId, input.fromDefinitionId, input.toDefinitionId, input.dryRun),
    );
  }

  /** the parsed model of a stored definition (cached: definitions never change) */
  model(definition: DefinitionRecord): Promise<ProcessModel> {
    let model = this.models.get(definition.id);
    if (!model) {
      model = parseBpmn(definition.xml).then(({ definitions }) => {
        const found = compileDefinitions(definitions, definition.xml, definition.resourceName).processes.find(
          (p) => p.id === definition.key,
        );
        if (!found)
          throw new EngineFault('DEFINITION_MISSING', `process ${definition.key} missing from its own definition ${definition.id}`);
        this.parsedModels.set(definition.id, found);
        return found;
      });
      model.catch(() => this.models.delete(definition.id));
      this.models.set(definition.id, model);
    }
    return model;
  }

  /**
   * One command = one store transaction: the engine's work, its history, then the host's side writes. Without side
   * writes and with a store that answers at once, the whole command runs without an async step (see now.ts).
   */
  private command<T>(host: HostWrites<H, T>, userId: string | null, work: (run: Run) => Now<T>): Promise<T> {
    const now = this.clock.now();
    return this.store.transaction((tx) => {
      const run = new Run(tx, now, this.deps, userId);
      return then(work(run), (result) =>
        then(run.flush(), () => {
          const sideWrites = host.sideWrites;
          if (!sideWrites) return result;
          return tx
            .host()
            .then((handle) => sideWrites(handle, result))
            .then(() => result);
        }),
      );
    });
  }

  /** a definition the caller already looked up (startSpec): immutable, so the engine-wide cache serves it */
  private definitionById(run: Run, input: { tenantId: string; key: string; definitionId?: string }): Now<DefinitionRecord | undefined> {
    const fits = (d: DefinitionRecord) => (d.tenantId === input.tenantId && d.key === input.key ? d : undefined);
    let found: Now<DefinitionRecord>;
    try {
      found = run.definition(input.definitionId!);
    } catch {
      return undefined;
    }
    return found instanceof Promise ? found.then(fits, () => undefined) : fits(found);
  }

  private definitionByKey(run: Run, input: { tenantId: string; key: string; version?: number }): Now<DefinitionRecord | undefined> {
    return then(run.tx.find('definition', { tenantId: input.tenantId, key: input.key }), (found) => {
      const versions = found.sort((a, b) => b.version - a.version);
      return input.version ? versions.find((d) => d.version === input.version) : versions[0];
    });
  }
}

/**
 * Handlers are typed by the store's handle (`H`); the runtime, which never looks inside it, holds them untyped.
 * Sound because the runtime hands every handler the handle of this engine's own store.
 */
function asStored<H>(handler: ServiceHandler<H>): ServiceHandler {
  return handler as ServiceHandler;
}
