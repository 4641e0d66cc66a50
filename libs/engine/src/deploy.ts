import { createHash } from 'node:crypto';
import { DeploymentError, type DeploymentProblem, EngineError } from './errors';
import { compileDefinitions } from './model/compile';
import { parseBpmn } from './model/moddle';
import type { ProcessModel } from './model/model';
import { checkXmlIntake } from './model/xml-intake';
import type { DefinitionRecord, StorageTx } from './storage';
import { computeTimer, type TimerPayload } from './runtime/waits';

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
}

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
      const { definitions } = await parseBpmn(xml);
      const result = compileDefinitions(definitions, xml, resource.name);
      problems.push(...result.problems);
      checked.push({ resource, xml, processes: result.processes });
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problems.push({ resource: resource.name, code: error.code, message: error.message, messageZh: error.messageZh });
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
  for (const { resource, xml, processes } of checked) {
    const hash = contentHash(xml);
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

/**
 * Only the newest version of a process listens on its message and timer start events: the previous
 * version's start subscriptions and start timers are replaced.
 */
export async function replaceStartEvents(tx: StorageTx, record: DefinitionRecord, model: ProcessModel, now: number, newId: () => string) {
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
        timer = computeTimer(start.timer!, {}, now);
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
    if (start.event === 'message') {
      await tx.insert('subscription', {
        id: newId(),
        tenantId: record.tenantId,
        instanceId: null,
        executionId: null,
        definitionId: record.id,
        activityId: id,
        messageName: start.messageName!,
        correlationKey: null,
        createdAt: now,
      });
    }
  }
}
