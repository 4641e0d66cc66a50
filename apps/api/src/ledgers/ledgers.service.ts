import { Injectable } from '@nestjs/common';
import { maskResidentId } from '@kcbx/cn-codes';
import { Errors } from '../common/app-error';
import { LedgerEntry, LedgerKind, LedgerStatus } from '../database/entities';
import { coversPath, Principal, scopePaths } from '../identity/principal';
import { LedgerEntriesRepository } from './ledger-entries.repository';

@Injectable()
export class LedgersService {
  constructor(private readonly rows: LedgerEntriesRepository) {}

  async list(p: Principal, kind: LedgerKind, filter: { orgUnit?: string; status?: LedgerStatus }, page: number, pageSize: number) {
    // a unit code the county does not have matches nothing
    const unitPath = filter.orgUnit ? ((await this.rows.unitWithCode(p.tenantId, filter.orgUnit))?.path ?? '/none/') : undefined;
    const [rows, total] = await this.rows.page(
      p.tenantId,
      kind,
      { scopes: scopePaths(p), unitPath, status: filter.status },
      page,
      pageSize,
    );
    const names = await this.unitNames(p.tenantId);
    return { items: rows.map((e) => presentEntry(e, names)), total };
  }

  async history(p: Principal, id: string) {
    const entry = await this.rows.entry(p.tenantId, id);
    if (!entry || !coversPath(p, entry.orgUnitPath)) throw Errors.notFound('ledgerEntry');
    const events = await this.rows.events(id);
    return { entry: presentEntry(entry, await this.unitNames(p.tenantId)), events };
  }

  private async unitNames(tenantId: string): Promise<Map<string, { code: string; name: string }>> {
    const units = await this.rows.units(tenantId);
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
