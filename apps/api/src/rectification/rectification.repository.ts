import { Injectable } from '@nestjs/common';
import type { HistoryRecord, InstanceRecord, TaskRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource, In } from 'typeorm';
import { InstanceLink, OrgUnit } from '../database/entities';

/** What the list needs of one rectification-item case, read from the engine's own rows. */
export interface ItemFacts {
  instance: InstanceRecord;
  orgUnitPath: string;
  /** the variables the case started with (problem, orgUnit, responsibleRole, responsiblePerson, deadline, …) */
  started: Record<string, unknown>;
  /** element ids entered, with how often */
  entered: Map<string, number>;
  /** user task ids completed, with how often */
  completed: Map<string, number>;
  openTasks: { activityId: string; name: string | null }[];
}

const CHUNK = 500;
const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

@Injectable()
export class RectificationRepository {
  constructor(private readonly ds: DataSource) {}

  /** Every case of `processKey` filed at a unit under one of `scopes` (org-unit path prefixes), newest first. */
  async items(tenantId: string, processKey: string, scopes: string[]): Promise<ItemFacts[]> {
    if (scopes.length === 0) return [];
    const { entities, raw } = await this.ds
      .getRepository<InstanceRecord>(ENGINE_SCHEMAS.instance)
      .createQueryBuilder('i')
      .innerJoin(InstanceLink, 'l', 'l.instanceId = i.id')
      .addSelect('l.orgUnitPath AS "orgUnitPath"')
      .where('i.tenantId = :tenantId AND i.key = :key', { tenantId, key: processKey })
      .andWhere(
        `(${scopes.map((_, n) => `l.orgUnitPath LIKE :scope${n}`).join(' OR ')})`,
        Object.fromEntries(scopes.map((s, n) => [`scope${n}`, `${s}%`])),
      )
      .orderBy('i.startedAt', 'DESC')
      .getRawAndEntities();
    const paths = raw as { orgUnitPath: string }[];
    const facts = new Map<string, ItemFacts>(
      entities.map((instance, n) => [
        instance.id,
        { instance, orgUnitPath: paths[n].orgUnitPath, started: {}, entered: new Map(), completed: new Map(), openTasks: [] },
      ]),
    );
    const bump = (m: Map<string, number>, k: string | null) => k && m.set(k, (m.get(k) ?? 0) + 1);
    for (const ids of chunks([...facts.keys()])) {
      const history = await this.ds.getRepository<HistoryRecord>(ENGINE_SCHEMAS.history).find({
        where: { instanceId: In(ids), type: In(['instance-started', 'activity-entered', 'task-completed']) },
        select: ['instanceId', 'type', 'elementId', 'data'],
      });
      for (const h of history) {
        const f = facts.get(h.instanceId!)!;
        if (h.type === 'instance-started')
          f.started = (JSON.parse(h.data || '{}') as { variables?: Record<string, unknown> }).variables ?? {};
        else if (h.type === 'activity-entered') bump(f.entered, h.elementId);
        else bump(f.completed, h.elementId);
      }
      const tasks = await this.ds.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).find({
        where: { instanceId: In(ids), state: 'created' },
        select: ['instanceId', 'activityId', 'name'],
        order: { createdAt: 'ASC' },
      });
      for (const task of tasks) facts.get(task.instanceId)!.openTasks.push({ activityId: task.activityId, name: task.name });
    }
    return [...facts.values()];
  }

  async unitsByPath(tenantId: string, paths: string[]): Promise<Map<string, OrgUnit>> {
    const unique = [...new Set(paths.filter(Boolean))];
    const units: OrgUnit[] = [];
    for (const part of chunks(unique)) units.push(...(await this.ds.getRepository(OrgUnit).findBy({ tenantId, path: In(part) })));
    return new Map(units.map((u) => [u.path, u]));
  }
}
