import { Injectable, OnModuleInit } from '@nestjs/common';
import { Engine, NotFoundError, type ServiceContext } from '@kcbx/engine';
import { AppError } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { LedgerEntry, LedgerEvent, LedgerKind, LedgerStatus } from '../database/entities';
import type { Tx } from '../database/transaction';
import { AuditService } from '../audit-log/audit.service';
import { Principal } from '../identity/principal';
import { ReferenceScope } from '../identity/reference-scope';
import { OutboxRepository } from '../outbox/outbox.repository';
import { TaskNotifier } from '../notifications/task-notifier';
import { LedgerCasesRepository } from './ledger-cases.repository';

/** The procedure a county deploys for persuasion to return (劝返复学); its key is the contract. */
export const PERSUASION_PROCESS = 'persuasion-return';
/** The two ledgers one persuasion case serves: a child's entries on both follow the same case. */
const DROPOUT_LEDGERS: LedgerKind[] = ['suspected-dropout', 'dropout'];
export const LEDGER_NAME: Record<LedgerKind, string> = {
  'school-age': '适龄未入学台账',
  'suspected-dropout': '疑似辍学台账',
  dropout: '辍学台账',
};

/**
 * Ties ledger entries to cases: starting persuasion from an entry starts the county's procedure for that
 * child and marks the entry in progress; the procedure itself moves the entry on (service task
 * "set-ledger-status"), so an entry is signed off only when its case ends in return or another lawful outcome.
 */
@Injectable()
export class LedgerCasesService implements OnModuleInit {
  constructor(
    private readonly rows: LedgerCasesRepository,
    private readonly engine: Engine<Tx>,
    private readonly scope: ReferenceScope,
    private readonly audit: AuditService,
    private readonly outbox: OutboxRepository,
    private readonly notifier: TaskNotifier,
  ) {}

  onModuleInit(): void {
    this.engine.registerServiceHandler('set-ledger-status', (ctx) => this.setStatusFromProcess(ctx));
  }

  async startPersuasion(p: Principal, kind: LedgerKind, entryIds: string[]) {
    const started: { entryId: string; instanceId: string }[] = [];
    for (const id of entryIds) {
      const entry = await this.scope.ledgerEntry(p, id, { kind });
      // the same child's entry on the other dropout ledger, already taken into a case started by this call
      const sameCall = started.find((s) => s.instanceId === entry.caseId);
      if (sameCall) {
        started.push({ entryId: entry.id, instanceId: sameCall.instanceId });
        continue;
      }
      if (entry.status !== 'open') {
        throw new AppError('CASE_ALREADY_RUNNING', { student: entry.studentName });
      }
      const instance = await this.startCase(p, entry);
      started.push({ entryId: entry.id, instanceId: instance.id });
    }
    return { started };
  }

  /**
   * Starts the county's persuasion procedure for one open entry, the entry joining its case in the start command's
   * transaction (#14 point 11): no case without its entry marked, no entry marked for a case that did not start.
   * `prepare` writes first in that transaction (a reported entry is inserted there); `extra` adds start variables.
   */
  async startCase(
    p: Principal,
    entry: LedgerEntry,
    options: { prepare?: (m: Tx) => Promise<void>; extra?: Record<string, unknown>; note?: string } = {},
  ) {
    const unit = await this.rows.unitAt(p.tenantId, entry.orgUnitPath);
    try {
      return await this.engine.startProcess({
        tenantId: p.tenantId,
        key: PERSUASION_PROCESS,
        businessKey: entry.idNumber,
        startedBy: p.userId,
        variables: {
          ledgerEntryId: entry.id,
          ledgerKind: entry.kind,
          studentId: entry.studentId,
          studentName: entry.studentName,
          orgUnit: unit.code,
          reason: entry.reason,
          startedBy: p.username,
          ...options.extra,
        },
        sideWrites: async (m, started) => {
          if (options.prepare) await options.prepare(m);
          const note = `${options.note ?? '发起劝返复学'}（${started.id}）`;
          await this.move(entry, 'in-progress', 'case-started', note, p.userId, started.id, m);
          // the first steps' notices and the request's audit entry commit with the case (#14 point 11)
          await this.notifier.instanceTasks(p.tenantId, started.id, m);
          await this.audit.inCommand(m, started.id);
          // One child, one case: the child's open entry on the other dropout ledger (疑似辍学 / 辍学) joins it, so
          // the case's sign-off closes both and no second case can be started from the other ledger.
          if (!DROPOUT_LEDGERS.includes(entry.kind)) return;
          const others = await this.rows.openWithoutCase(
            m,
            p.tenantId,
            entry.idNumber,
            DROPOUT_LEDGERS.filter((k) => k !== entry.kind),
          );
          for (const other of others) {
            const note = `发起劝返复学（${started.id}，自${LEDGER_NAME[entry.kind]}发起）`;
            await this.move(other, 'in-progress', 'case-started', note, p.userId, started.id, m);
          }
        },
      });
    } catch (e) {
      if (e instanceof NotFoundError) {
        throw new AppError('PROCEDURE_NOT_DEPLOYED', { process: PERSUASION_PROCESS });
      }
      throw e;
    }
  }

  /**
   * Service task "set-ledger-status": input `ledgerStatus` (open | in-progress | signed-off), optional `ledgerNote`.
   * Reads and writes through `ctx.tx`, the job's own transaction: a step that fails or loses a race leaves no
   * ledger change behind, and its retry writes the event once.
   */
  private async setStatusFromProcess(ctx: ServiceContext<Tx>) {
    const m = ctx.tx;
    const id = ctx.variables.ledgerEntryId;
    const status = ctx.variables.ledgerStatus as LedgerStatus;
    if (typeof id !== 'string' || !['open', 'in-progress', 'signed-off'].includes(status)) {
      throw new Error('set-ledger-status needs ledgerEntryId and ledgerStatus (open | in-progress | signed-off)');
    }
    const entry = await this.rows.entry(m, ctx.tenantId, id);
    if (!entry) throw new Error(`ledger entry ${id} not found`);
    // Only the case the platform linked the entry to may move it (#14 point 1): a ledgerEntryId that reached the
    // variables any other way (a client, a mapping) names someone else's entry, and the step stops in an incident.
    if (entry.caseId !== ctx.instanceId) {
      throw new Error(`ledger entry ${id} belongs to another case; set-ledger-status moves only the entry its case was started from`);
    }
    const note = typeof ctx.variables.ledgerNote === 'string' ? ctx.variables.ledgerNote : null;
    const action = status === 'signed-off' ? 'signed-off' : 'status-changed';
    await this.move(entry, status, action, note, null, entry.caseId, m);
    await this.recordEffects(m, ctx, entry, status, note);
    if (!entry.caseId) return;
    // The child's other entries of the same case (the dropout entry promoted from a suspected one, or the reverse)
    // move with it. Read after the update above: a promotion committing meanwhile is waited for and seen.
    const linked = await this.rows.othersOfCase(m, {
      tenantId: ctx.tenantId,
      caseId: entry.caseId,
      idNumber: entry.idNumber,
      exceptId: entry.id,
      statuses: ['signed-off', status],
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

  /**
   * The step's other effects, in the same transaction as the ledger change (#14 point 11): the audit entry, and
   * the notification to whoever started the case (the in-app row is the outbox — written with the change or not
   * at all, so a failed and retried step leaves exactly one of each).
   */
  private async recordEffects(m: Tx, ctx: ServiceContext<Tx>, entry: LedgerEntry, status: LedgerStatus, note: string | null) {
    await this.audit.record(
      { tenantId: ctx.tenantId, userId: null, username: null },
      {
        action: `ledger.${status === 'signed-off' ? 'signed-off' : 'status-changed'}`,
        entity: 'ledgers',
        entityId: entry.id,
        detail: { caseId: ctx.instanceId, from: entry.status, to: status, note },
      },
      m,
    );
    // who started the case: the platform sets `startedBy` (a username) at every start
    const starter = typeof ctx.variables.startedBy === 'string' ? await this.rows.userIdOf(m, ctx.tenantId, ctx.variables.startedBy) : null;
    if (!starter) return;
    const done = status === 'signed-off';
    // the in-app row and the external deliveries (the outbox) in this same transaction
    await this.outbox.write(m, {
      tenantId: ctx.tenantId,
      userId: starter,
      kind: done ? 'ledger-signed-off' : 'ledger-status-changed',
      taskId: null,
      instanceId: ctx.instanceId,
      title: done ? `台账记录已销号：${entry.studentName}` : `台账记录状态变更：${entry.studentName}`,
      message: `${LEDGER_NAME[entry.kind]}中 ${entry.studentName} 的记录${done ? '已销号' : `改为「${status}」`}${note ? `（${note}）` : ''}`,
    });
  }

  /** The entry's new status and case, and its history line, through the engine command's transaction `m`. */
  private async move(
    entry: LedgerEntry,
    to: LedgerStatus,
    action: LedgerEvent['action'],
    note: string | null,
    by: string | null,
    caseId: string | null,
    m: Tx,
  ) {
    const now = nowIso();
    // Joining a case only from open and case-less: of two starts racing for one entry, the second rolls back whole.
    const joining = action === 'case-started';
    const done = await this.rows.setStatus(m, entry.id, { status: to, caseId, at: now, joining });
    if (joining && !done) {
      throw new AppError('CASE_ALREADY_RUNNING', { student: entry.studentName });
    }
    await this.rows.addEvent(m, {
      id: newId(),
      tenantId: entry.tenantId,
      entryId: entry.id,
      action,
      fromStatus: entry.status,
      toStatus: to,
      note,
      by,
      at: now,
    });
  }
}
