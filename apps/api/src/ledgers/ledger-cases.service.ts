import { Injectable, OnModuleInit } from '@nestjs/common';
import { Engine, NotFoundError, type ServiceContext } from '@kcbx/engine';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { AppError, Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { LedgerEntry, LedgerEvent, LedgerKind, LedgerStatus, OrgUnit } from '../database/entities';
import { coversPath, Principal } from '../identity/principal';

/** The procedure a county deploys for persuasion to return (劝返复学); its key is the contract. */
export const PERSUASION_PROCESS = 'persuasion-return';
const ENTRY = { zh: '台账记录', en: 'Ledger entry' };
/** The two ledgers one persuasion case serves: a child's entries on both follow the same case. */
const DROPOUT_LEDGERS: LedgerKind[] = ['suspected-dropout', 'dropout'];
const LEDGER_NAME: Record<LedgerKind, string> = { 'school-age': '适龄儿童台账', 'suspected-dropout': '疑似辍学台账', dropout: '辍学台账' };

/**
 * Ties ledger entries to cases: starting persuasion from an entry starts the county's procedure for that
 * child and marks the entry in progress; the procedure itself moves the entry on (service task
 * "set-ledger-status"), so an entry is signed off only when its case ends in return or another lawful outcome.
 */
@Injectable()
export class LedgerCasesService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: Engine<EntityManager>,
  ) {}

  onModuleInit(): void {
    this.engine.registerServiceHandler('set-ledger-status', (ctx) => this.setStatusFromProcess(ctx));
  }

  async startPersuasion(p: Principal, kind: LedgerKind, entryIds: string[]) {
    const started: { entryId: string; instanceId: string }[] = [];
    for (const id of entryIds) {
      const entry = await this.ds.getRepository(LedgerEntry).findOneBy({ id, tenantId: p.tenantId, kind });
      if (!entry || !coversPath(p, entry.orgUnitPath)) throw Errors.notFound(ENTRY);
      // the same child's entry on the other dropout ledger, already taken into a case started by this call
      const sameCall = started.find((s) => s.instanceId === entry.caseId);
      if (sameCall) {
        started.push({ entryId: entry.id, instanceId: sameCall.instanceId });
        continue;
      }
      if (entry.status !== 'open') {
        throw Errors.conflict('CASE_ALREADY_RUNNING', {
          zh: `${entry.studentName} 的劝返工作已在进行或已销号`,
          en: `A case for ${entry.studentName} is already running or closed`,
        });
      }
      const unit = await this.ds.getRepository(OrgUnit).findOneByOrFail({ tenantId: p.tenantId, path: entry.orgUnitPath });
      let instance;
      try {
        instance = await this.engine.startProcess({
          tenantId: p.tenantId,
          key: PERSUASION_PROCESS,
          businessKey: entry.idNumber,
          startedBy: p.userId,
          variables: {
            ledgerEntryId: entry.id,
            studentId: entry.studentId,
            studentName: entry.studentName,
            orgUnit: unit.code,
            reason: entry.reason,
            startedBy: p.username,
          },
        });
      } catch (e) {
        if (e instanceof NotFoundError) {
          throw new AppError('PROCEDURE_NOT_DEPLOYED', 409, {
            zh: '本县尚未部署劝返复学流程（persuasion-return）',
            en: 'This county has not deployed its persuasion procedure (persuasion-return)',
          });
        }
        throw e;
      }
      await this.move(entry, 'in-progress', 'case-started', `发起劝返复学（${instance.id}）`, p.userId, instance.id);
      // One child, one case: the child's open entry on the other dropout ledger (疑似辍学 / 辍学) joins it, so the
      // case's sign-off closes both and no second case can be started from the other ledger.
      if (DROPOUT_LEDGERS.includes(entry.kind)) {
        const others = await this.ds.getRepository(LedgerEntry).findBy({
          tenantId: p.tenantId,
          idNumber: entry.idNumber,
          kind: In(DROPOUT_LEDGERS.filter((k) => k !== entry.kind)),
          status: 'open',
          caseId: IsNull(),
        });
        for (const other of others) {
          await this.move(
            other,
            'in-progress',
            'case-started',
            `发起劝返复学（${instance.id}，自${LEDGER_NAME[entry.kind]}发起）`,
            p.userId,
            instance.id,
          );
        }
      }
      started.push({ entryId: entry.id, instanceId: instance.id });
    }
    return { started };
  }

  /**
   * Service task "set-ledger-status": input `ledgerStatus` (open | in-progress | signed-off), optional `ledgerNote`.
   * Reads and writes through `ctx.tx`, the job's own transaction: a step that fails or loses a race leaves no
   * ledger change behind, and its retry writes the event once.
   */
  private async setStatusFromProcess(ctx: ServiceContext<EntityManager>) {
    const m = ctx.tx;
    const id = ctx.variables.ledgerEntryId;
    const status = ctx.variables.ledgerStatus as LedgerStatus;
    if (typeof id !== 'string' || !['open', 'in-progress', 'signed-off'].includes(status)) {
      throw new Error('set-ledger-status needs ledgerEntryId and ledgerStatus (open | in-progress | signed-off)');
    }
    const entry = await m.getRepository(LedgerEntry).findOneBy({ id, tenantId: ctx.tenantId });
    if (!entry) throw new Error(`ledger entry ${id} not found`);
    const note = typeof ctx.variables.ledgerNote === 'string' ? ctx.variables.ledgerNote : null;
    const action = status === 'signed-off' ? 'signed-off' : 'status-changed';
    await this.move(entry, status, action, note, null, entry.caseId, m);
    if (!entry.caseId) return;
    // The child's other entries of the same case (the dropout entry promoted from a suspected one, or the reverse)
    // move with it. Read after the update above: a promotion committing meanwhile is waited for and seen.
    const linked = await m.getRepository(LedgerEntry).findBy({
      tenantId: ctx.tenantId,
      caseId: entry.caseId,
      idNumber: entry.idNumber,
      id: Not(entry.id),
      status: Not(In(['signed-off', status])),
    });
    for (const other of linked)
      await this.move(
        other,
        status,
        action,
        note ? `${note}（随${LEDGER_NAME[entry.kind]}记录）` : `随${LEDGER_NAME[entry.kind]}记录`,
        null,
        entry.caseId,
        m,
      );
  }

  /** Plain statements (no TypeORM save transactions): this may run inside an engine command. */
  private async move(
    entry: LedgerEntry,
    to: LedgerStatus,
    action: LedgerEvent['action'],
    note: string | null,
    by: string | null,
    caseId: string | null,
    m: EntityManager = this.ds.manager,
  ) {
    const now = nowIso();
    await m
      .createQueryBuilder()
      .update(LedgerEntry)
      .set({ status: to, caseId, updatedAt: now })
      .where('id = :id', { id: entry.id })
      .execute();
    await m
      .createQueryBuilder()
      .insert()
      .into(LedgerEvent)
      .values({
        id: newId(),
        tenantId: entry.tenantId,
        entryId: entry.id,
        action,
        fromStatus: entry.status,
        toStatus: to,
        note,
        by,
        at: now,
      })
      .execute();
  }
}
