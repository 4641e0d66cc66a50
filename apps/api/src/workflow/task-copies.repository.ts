import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CaseCopy, InstanceLink, Role, Student } from '../database/entities';
import { roleHoldersAt } from '../task-visibility/task-visibility';

/** 抄送 rows (case_copy) and what 抄送我的 shows beside them. */
@Injectable()
export class CopiesRepository {
  constructor(private readonly ds: DataSource) {}

  rolesNamed(tenantId: string, keys: string[]): Promise<Role[]> {
    return keys.length ? this.ds.getRepository(Role).findBy({ tenantId, key: In(keys) }) : Promise.resolve([]);
  }

  /** the holders of each role at the case's unit or above (task-visibility) */
  async roleHolders(tenantId: string, instanceId: string, roles: string[]): Promise<string[]> {
    return (await Promise.all(roles.map((r) => roleHoldersAt(this.ds, tenantId, instanceId, r)))).flat();
  }

  async copiedAlready(instanceId: string, userIds: string[], tx?: EntityManager): Promise<string[]> {
    if (!userIds.length) return [];
    return (await (tx ?? this.ds).getRepository(CaseCopy).findBy({ instanceId, userId: In(userIds) })).map((c) => c.userId);
  }

  /** the unique (instance, user) index keeps one copy when two copies race; `tx`: the step's transaction */
  async insert(rows: CaseCopy[], tx?: EntityManager): Promise<void> {
    if (rows.length) await (tx ?? this.ds).getRepository(CaseCopy).createQueryBuilder().insert().orIgnore().values(rows).execute();
  }

  page(tenantId: string, userId: string, page: number, pageSize: number): Promise<[CaseCopy[], number]> {
    return this.ds.getRepository(CaseCopy).findAndCount({
      where: { tenantId, userId },
      order: { createdAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  /** each case's link (procedure key, student) and its student */
  async casesOf(instanceIds: string[]): Promise<{ links: InstanceLink[]; students: Student[] }> {
    const links = instanceIds.length ? await this.ds.getRepository(InstanceLink).findBy({ instanceId: In(instanceIds) }) : [];
    const ids = links.map((l) => l.studentId).filter((s): s is string => !!s);
    const students = ids.length ? await this.ds.getRepository(Student).findBy({ id: In(ids) }) : [];
    return { links, students };
  }
}
