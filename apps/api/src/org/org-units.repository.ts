import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgUnit } from '../database/entities';
import type { Tx } from '../database/transaction';

/** The county's tree of units (`org_unit`). `tx`: the caller's transaction (a package or directory import). */
@Injectable()
export class OrgUnitsRepository {
  constructor(private readonly ds: DataSource) {}

  /** the county's units under any of these path prefixes, parents before children (none: nothing) */
  under(tenantId: string, paths: string[]): Promise<OrgUnit[]> {
    if (!paths.length) return Promise.resolve([]);
    return this.ds
      .getRepository(OrgUnit)
      .createQueryBuilder('o')
      .where('o.tenantId = :t', { t: tenantId })
      .andWhere(`(${paths.map((_, i) => `o.path LIKE :s${i}`).join(' OR ')})`, Object.fromEntries(paths.map((s, i) => [`s${i}`, `${s}%`])))
      .orderBy('o.path', 'ASC')
      .getMany();
  }

  byCode(tenantId: string, code: string, tx?: Tx): Promise<OrgUnit | null> {
    return (tx ?? this.ds.manager).getRepository(OrgUnit).findOneBy({ tenantId, code });
  }

  /** the unit with this id (it must exist: a role assignment points at it) */
  byId(id: string, tx?: Tx): Promise<OrgUnit> {
    return (tx ?? this.ds.manager).getRepository(OrgUnit).findOneByOrFail({ id });
  }

  /** stores a new unit */
  add(unit: OrgUnit, tx?: Tx): Promise<OrgUnit> {
    const repo = (tx ?? this.ds.manager).getRepository(OrgUnit);
    return repo.save(repo.create(unit));
  }

  /** stores a changed unit */
  save(unit: OrgUnit): Promise<OrgUnit> {
    return this.ds.getRepository(OrgUnit).save(unit);
  }
}
