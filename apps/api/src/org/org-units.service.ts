import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Errors, Things } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { OrgUnit, OrgUnitKind, ORG_UNIT_KINDS } from '../database/entities';
import { coversPath, Principal, scopePaths } from '../identity/principal';

/** Which kind of unit may sit under which. County-run schools sit directly under the county. */
const ALLOWED_PARENTS: Record<OrgUnitKind, OrgUnitKind[]> = {
  county: [],
  township: ['county'],
  school: ['county', 'township'],
  village: ['township'],
  office: ['county', 'township'],
};

export interface NewOrgUnit {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode: string;
}

@Injectable()
export class OrgUnitsService {
  constructor(private readonly ds: DataSource) {}

  /** Units in the caller's scope, parents before children. */
  async listVisible(p: Principal): Promise<OrgUnit[]> {
    const scopes = scopePaths(p);
    if (scopes.length === 0) return [];
    const qb = this.ds.getRepository(OrgUnit).createQueryBuilder('o').where('o.tenantId = :t', { t: p.tenantId });
    qb.andWhere(
      `(${scopes.map((_, i) => `o.path LIKE :s${i}`).join(' OR ')})`,
      Object.fromEntries(scopes.map((s, i) => [`s${i}`, `${s}%`])),
    );
    return qb.orderBy('o.path', 'ASC').getMany();
  }

  async findByCode(tenantId: string, code: string, manager: EntityManager = this.ds.manager): Promise<OrgUnit | null> {
    return manager.getRepository(OrgUnit).findOneBy({ tenantId, code });
  }

  /** A unit the caller administers, or 404 (other county) / 403 (outside their scope). */
  async requireAdministered(p: Principal, code: string, manager?: EntityManager): Promise<OrgUnit> {
    const unit = await this.findByCode(p.tenantId, code, manager);
    if (!unit) throw Errors.notFound(Things.orgUnit);
    if (!coversPath(p, unit.path, 'admin'))
      throw Errors.forbidden({ zh: `单位 ${code} 不在您的管理范围内`, en: `Unit ${code} is outside your scope` });
    return unit;
  }

  async create(p: Principal, input: NewOrgUnit, manager: EntityManager = this.ds.manager): Promise<OrgUnit> {
    if (!ORG_UNIT_KINDS.includes(input.kind)) throw Errors.validation([{ field: 'kind', message: `unknown kind ${input.kind}` }]);
    const parent = await this.requireAdministered(p, input.parentCode, manager);
    if (!ALLOWED_PARENTS[input.kind].includes(parent.kind)) {
      throw Errors.validation([
        { field: 'parentCode', message: `a ${input.kind} cannot be placed under a ${parent.kind} / 该类型单位不能放在此上级单位下` },
      ]);
    }
    if (await this.findByCode(p.tenantId, input.code, manager)) {
      throw Errors.conflict('ORG_UNIT_EXISTS', { zh: `单位代码 ${input.code} 已存在`, en: `Org unit code ${input.code} already exists` });
    }
    const unit = manager.getRepository(OrgUnit).create({
      id: newId(),
      tenantId: p.tenantId,
      code: input.code,
      name: input.name,
      kind: input.kind,
      parentId: parent.id,
      path: `${parent.path}${input.code}/`,
      createdAt: nowIso(),
    });
    return manager.getRepository(OrgUnit).save(unit);
  }

  async rename(p: Principal, code: string, name: string): Promise<OrgUnit> {
    const unit = await this.requireAdministered(p, code);
    unit.name = name;
    return this.ds.getRepository(OrgUnit).save(unit);
  }
}

export function presentOrgUnit(u: OrgUnit, parentCode: string | null) {
  return { id: u.id, code: u.code, name: u.name, kind: u.kind, parentCode, path: u.path };
}

/** "/640422/640422100/" → "640422" (the parent's code is the second-to-last path segment). */
export function parentCodeOf(u: OrgUnit): string | null {
  const parts = u.path.split('/').filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 2] : null;
}
