import { Injectable } from '@nestjs/common';
import { maskResidentId } from '@kcbx/cn-codes';
import { DataSource } from 'typeorm';
import { Errors } from '../common/app-error';
import { LedgerEntry, LedgerEvent, LedgerKind, LedgerStatus, OrgUnit } from '../database/entities';
import { coversPath, Principal, scopePaths } from '../identity/principal';

@Injectable()
export class LedgersService {
  constructor(private readonly ds: DataSource) {}

  async list(p: Principal, kind: LedgerKind, filter: { orgUnit?: string; status?: LedgerStatus }, page: number, pageSize: number) {
    const scopes = scopePaths(p);
    const qb = this.ds
      .getRepository(LedgerEntry)
      .createQueryBuilder('e')
      .where('e.tenantId = :t AND e.kind = :kind', { t: p.tenantId, kind });
    qb.andWhere(
      `(${scopes.map((_, i) => `e.orgUnitPath LIKE :s${i}`).join(' OR ') || '1 = 0'})`,
      Object.fromEntries(scopes.map((s, i) => [`s${i}`, `${s}%`])),
    );
    if (filter.orgUnit) {
      const unit = await this.ds.getRepository(OrgUnit).findOneBy({ tenantId: p.tenantId, code: filter.orgUnit });
      qb.andWhere('e.orgUnitPath LIKE :unit', { unit: `${unit?.path ?? '/none/'}%` });
    }
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    const [rows, total] = await qb
      .orderBy('e.orgUnitPath')
      .addOrderBy('e.createdAt')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const names = await this.unitNames(p.tenantId);
    return { items: rows.map((e) => presentEntry(e, names)), total };
  }

  async history(p: Principal, id: string) {
    const entry = await this.ds.getRepository(LedgerEntry).findOneBy({ id, tenantId: p.tenantId });
    if (!entry || !coversPath(p, entry.orgUnitPath)) throw Errors.notFound('ledgerEntry');
    const events = await this.ds.getRepository(LedgerEvent).find({ where: { entryId: id }, order: { at: 'ASC' } });
    return { entry: presentEntry(entry, await this.unitNames(p.tenantId)), events };
  }

  private async unitNames(tenantId: string): Promise<Map<string, { code: string; name: string }>> {
    const units = await this.ds.getRepository(OrgUnit).findBy({ tenantId });
    return new Map(units.map((u) => [u.path, { code: u.code, name: u.name }]));
  }
}

function presentEntry(e: LedgerEntry, units: Map<string, { code: string; name: string }>) {
  const unit = units.get(e.orgUnitPath);
  return {
    id: e.id,
    kind: e.kind,
    studentName: e.studentName,
    idNumberMasked: maskResidentId(e.idNumber),
    studentId: e.studentId,
    orgUnit: unit?.code ?? null,
    orgUnitName: unit?.name ?? null,
    status: e.status,
    reason: e.reason,
    caseId: e.caseId,
    source: e.source ?? 'comparison',
    since: e.since ?? null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
