import { Injectable } from '@nestjs/common';
import { AppError, Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { OrgUnit, OrgUnitKind, ORG_UNIT_KINDS } from '../database/entities';
import type { Tx } from '../database/transaction';
import { coversPath, Principal, scopePaths } from '../identity/principal';
import { OrgUnitsRepository } from './org-units.repository';

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
  constructor(private readonly units: OrgUnitsRepository) {}

  /** Units in the caller's scope, parents before children. */
  async listVisible(p: Principal): Promise<OrgUnit[]> {
    return this.units.under(p.tenantId, scopePaths(p));
  }

  /** `manager`: the caller's transaction, if any */
  async findByCode(tenantId: string, code: string, manager?: Tx): Promise<OrgUnit | null> {
    return this.units.byCode(tenantId, code, manager);
  }

  /** A unit the caller administers, or 404 (other county) / 403 (outside their scope). */
  async requireAdministered(p: Principal, code: string, manager?: Tx): Promise<OrgUnit> {
    const unit = await this.findByCode(p.tenantId, code, manager);
    if (!unit) throw Errors.notFound('orgUnit');
    if (!coversPath(p, unit.path, 'admin')) throw Errors.forbidden('FORBIDDEN/unit-out-of-scope', { code });
    return unit;
  }

  async create(p: Principal, input: NewOrgUnit, manager?: Tx): Promise<OrgUnit> {
    if (!ORG_UNIT_KINDS.includes(input.kind)) throw Errors.validation([{ field: 'kind', message: `unknown kind ${input.kind}` }]);
    const parent = await this.requireAdministered(p, input.parentCode, manager);
    if (!ALLOWED_PARENTS[input.kind].includes(parent.kind)) {
      throw Errors.validation([
        { field: 'parentCode', message: `a ${input.kind} cannot be placed under a ${parent.kind} / 该类型单位不能放在此上级单位下` },
      ]);
    }
    if (await this.findByCode(p.tenantId, input.code, manager)) {
      throw new AppError('ORG_UNIT_EXISTS', { code: input.code });
    }
    return this.units.add(
      {
        id: newId(),
        tenantId: p.tenantId,
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: parent.id,
        path: `${parent.path}${input.code}/`,
        createdAt: nowIso(),
      },
      manager,
    );
  }

  async rename(p: Principal, code: string, name: string): Promise<OrgUnit> {
    const unit = await this.requireAdministered(p, code);
    unit.name = name;
    return this.units.save(unit);
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
