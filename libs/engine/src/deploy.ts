import { createHash } from 'node:crypto';
import { errorText, isErrorKey } from '@kcbx/api-contract';
import { DmnError, type DmnModel, parseDmn } from '@kcbx/dmn';
import { DeploymentError, type DeploymentProblem, EngineError } from './errors';
import { compileDefinitions } from './model/compile';
import { parseBpmn } from './model/moddle';
import type { ProcessModel } from './model/model';
import { checkXmlIntake } from './model/xml-intake';
import type { DecisionRecord, DefinitionRecord, StorageTx } from './storage';
import { computeTimer, type TimerPayload } from './runtime/waits';
import type { WorkingDayCalendar } from './runtime/day-count';

export interface DeployResource {
  name: string;
  content: string;
}

export interface DeployedDefinition {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resourceName: string;
  /** false when identical content was already deployed (no new version) */
  isNew: boolean;
}

interface CheckedResource {
  resource: DeployResource;
  xml: string;
  processes: ProcessModel[];
  /** a .dmn resource: its decisions, stored beside the processes */
  dmn?: DmnModel;
}

const DMN_RESOURCE = /\.dmn$/i;

/**
 * Reads and checks every resource; throws one DeploymentError listing every problem of every file, so
 * an author sees the whole list at once. Nothing is stored when any file is refused.
 */
export async function checkResources(resources: DeployResource[]): Promise<CheckedResource[]> {
  const problems: DeploymentProblem[] = [];
  const checked: CheckedResource[] = [];
  for (const resource of resources) {
    try {
      const xml = checkXmlIntake(resource.content);
      if (DMN_RESOURCE.test(resource.name)) {
        checked.push({ resource, xml, processes: [], dmn: await parseDmn(xml) });
        continue;
      }
      const { definitions } = await parseBpmn(xml);
      const result = compileDefinitions(definitions, xml, resource.name);
      problems.push(...result.problems);
      checked.push({ resource, xml, processes: result.processes });
    } catch (error) {
      if (error instanceof DmnError) {
        problems.push({
          resource: resource.name,
          code: error.code,
          message: `DMN refused: ${error.message}`,
          messageZh: `决策表（DMN）无法部署：${error.message}`,
        });
        continue;
      }
      if (!(error instanceof EngineError)) throw error;
      // The intake's errors carry codes; a problem is read as it stands, so its Chinese comes from the catalogue here.
      const messageZh = isErrorKey(error.key) ? errorText(error.key, 'zh', error.params) : error.message;
      problems.push({ resource: resource.name, code: error.code, message: error.message, messageZh });
    }
  }
  if (problems.length > 0) throw new DeploymentError(problems);
  return checked;
}

export function contentHash(xml: string): string {
  return createHash('sha256').update(xml).digest('hex');
}

/** stores a new version per process unless the latest version has the same content */
export async function storeDefinitions(
  tx: StorageTx,
  tenantId: string,
  checked: CheckedResource[],
  now: number,
  newId: () => string,
): Promise<{ deployed: DeployedDefinition[]; created: { record: DefinitionRecord; model: ProcessModel }[] }> {
  const deployed: DeployedDefinition[] = [];
  const created: { record: DefinitionRecord; model: ProcessModel }[] = [];
  for (const { resource, xml, processes, dmn } of checked) {
    const hash = contentHash(xml);
    if (dmn) await storeDecisions(tx, tenantId, resource, xml, hash, dmn, now, newId);
    for (const model of processes) {
      const versions = (await tx.find('definition', { tenantId, key: model.id })).sort((a, b) => b.version - a.version);
      const latest = versions[0];
      if (latest && latest.contentHash === hash) {
        deployed.push({
          id: latest.id,
          key: latest.key,
          version: latest.version,
          name: latest.name,
          resourceName: latest.resourceName,
          isNew: false,
        });
        continue;
      }
      const record: DefinitionRecord = {
        id: newId(),
        tenantId,
        key: model.id,
        version: (latest?.version ?? 0) + 1,
        name: model.name,
        resourceName: resource.name,
        contentHash: hash,
        xml,
        deployedAt: now,
      };
      await tx.insert('definition', record);
      created.push({ record, model });
      deployed.push({
        id: record.id,
        key: record.key,
        version: record.version,
        name: record.name,
        resourceName: record.resourceName,
        isNew: true,
      });
    }
  }
  return { deployed, created };
}

/** one record per decision of a DMN resource, a new version only when the resource's content changed */
async function storeDecisions(
  tx: StorageTx,
  tenantId: string,
  resource: DeployResource,
  xml: string,
  hash: string,
  dmn: DmnModel,
  now: number,
  newId: () => string,
): Promise<void> {
  for (const decision of dmn.decisions.values()) {
    const latest = (await tx.find('decision', { tenantId, key: decision.id })).sort((a, b) => b.version - a.version)[0];
    if (latest && latest.contentHash === hash) continue;
    const record: DecisionRecord = {
      id: newId(),
      tenantId,
      key: decision.id,
      version: (latest?.version ?? 0) + 1,
      name: decision.name || null,
      resourceName: resource.name,
      contentHash: hash,
      xml,
      deployedAt: now,
    };
    await tx.insert('decision', record);
  }
}

/**
 * Only the newest version of a process listens on its message, signal and timer start events: the previous
 * version's start subscriptions and start timers are replaced.
 */
export async function replaceStartEvents(
  tx: StorageTx,
  record: DefinitionRecord,
  model: ProcessModel,
  now: number,
  newId: () => string,
  calendar: WorkingDayCalendar,
) {
  for (const old of await tx.find('definition', { tenantId: record.tenantId, key: record.key })) {
    if (old.id === record.id) continue;
    for (const job of await tx.find('job', { definitionId: old.id, instanceId: null })) await tx.delete('job', job.id);
    for (const sub of await tx.find('subscription', { definitionId: old.id, instanceId: null })) await tx.delete('subscription', sub.id);
  }
  for (const id of model.startEvents) {
    const start = model.elements.get(id)!;
    if (start.event === 'timer') {
      let timer: TimerPayload;
      try {
        timer = computeTimer(start.timer!, {}, now, record.tenantId, calendar);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DeploymentError([
          {
            resource: record.resourceName,
            elementId: id,
            elementType: 'bpmn:StartEvent',
            code: 'TIMER_INVALID',
            message: `start timer cannot be computed without variables: ${reason}`,
            messageZh: `开始定时器无法在没有变量时计算：${reason}`,
          },
        ]);
      }
      await tx.insert('job', {
        id: newId(),
        tenantId: record.tenantId,
        instanceId: null,
        executionId: null,
        definitionId: record.id,
        activityId: id,
        kind: 'timer',
        payload: JSON.stringify(timer),
        dueAt: timer.dueAt,
        retries: 3,
        lockOwner: null,
        lockExpiresAt: null,
        lastError: null,
        createdAt: now,
        version: 1,
      });
    }
    if (start.event === 'message' || start.event === 'signal') {
      await tx.insert('subscription', {
        id: newId(),
        tenantId: record.tenantId,
        instanceId: null,
        executionId: null,
        definitionId: record.id,
        activityId: id,
        kind: start.event,
        messageName: start.event === 'message' ? start.messageName! : start.signalName!,
        correlationKey: null,
        createdAt: now,
      });
    }
  }
}
