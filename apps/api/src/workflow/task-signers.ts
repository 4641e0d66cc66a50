import { Injectable } from '@nestjs/common';
import { Engine, type TaskRecord } from '@kcbx/engine';
import { AppError, Errors } from '../common/app-error';
import { In } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import { TaskSigner, User, type SignerMode } from '../database/entities';
import type { Principal } from '../identity/principal';
import { ReferenceScope } from '../identity/reference-scope';
import { AuditService } from '../audit-log/audit.service';
import { TaskNotifier } from '../notifications/task-notifier';
import { CaseActionsRepository, type Tx } from './case-actions.repository';
import { type FormPin, SignersRepository } from './task-signers.repository';
import type { InboxRow } from './task-inbox.repository';

export type SignPolicy = 'all' | 'ratio' | 'any';
export interface AddSigners {
  usernames: string[];
  mode: SignerMode;
  policy?: SignPolicy;
  ratio?: number;
}

/** what a completion by `p` means while signers are added to the step */
export type SignerTurn =
  | { kind: 'none' }
  /** a before/after signer (or the holder handing on to after-signers) signs; the step stays open */
  | { kind: 'sign'; signer: TaskSigner | null; next: string }
  /** the last after-signer: their submission completes the step */
  | { kind: 'last'; signer: TaskSigner };

const REJECTING = new Set(['return', 'reject', 'rejected', 'disagree', '不同意', '退回']);
export const MAX_SIGNERS = 20;

/** a signature's decision and opinion, read from the step's form the way reviews name them */
export function signatureOf(data: Record<string, unknown>): { state: 'approved' | 'rejected'; opinion: string | null } {
  const decision = typeof data.decision === 'string' ? data.decision : '';
  const opinion = [data.comment, data.opinion].find((v) => typeof v === 'string' && v.trim()) as string | undefined;
  return { state: REJECTING.has(decision) ? 'rejected' : 'approved', opinion: opinion?.trim() ?? null };
}

/** whether a parallel round is decided: all (会签), a share of approvals (ratio %), or any one (或签) */
export function roundOutcome(rows: Pick<TaskSigner, 'state' | 'policy' | 'ratio'>[]): 'approved' | 'rejected' | null {
  const n = rows.length;
  const approved = rows.filter((r) => r.state === 'approved').length;
  const rejected = rows.filter((r) => r.state === 'rejected').length;
  const policy = rows[0]?.policy ?? 'all';
  const need = policy === 'any' ? 1 : policy === 'ratio' ? Math.ceil(((rows[0]?.ratio ?? 100) * n) / 100) : n;
  if (approved >= need) return 'approved';
  if (n - rejected < need) return 'rejected';
  return null;
}

/**
 * 加签 without editing the model. Before (前加签): the step goes to each added signer in turn, then back to its
 * holder. After (后加签): the holder's submission is kept and the step goes to each signer in turn; the last one's
 * submission completes it. Parallel (会签 all / ratio, 或签 any): the holder keeps the step; co-signers sign beside
 * it (task-visibility rule 4) and the holder may complete it once the round is decided. Every signature is a
 * form_submission and a case_action line; hand-overs are the engine's delegation (its history shows them).
 */
@Injectable()
export class TaskSigners {
  constructor(
    private readonly signers: SignersRepository,
    private readonly actions: CaseActionsRepository,
    private readonly engine: Engine<Tx>,
    private readonly notifier: TaskNotifier,
    private readonly scope: ReferenceScope,
    private readonly audit: AuditService,
  ) {}

  async add(p: Principal, row: InboxRow, input: AddSigners) {
    let task = row.task;
    if (task.assignee && task.assignee !== p.userId) throw Errors.forbidden('FORBIDDEN/signers-not-holder');
    if (await this.signers.hasOpen(task.id)) {
      throw Errors.validation([{ field: 'mode', message: '本步骤已有未完成的加签 / this step already has signers at work' }]);
    }
    const users = await this.signersOf(p, input.usernames, row.orgUnitPath);
    const policy = input.mode === 'parallel' ? (input.policy ?? 'all') : null;
    if (policy === 'ratio' && !(Number.isInteger(input.ratio) && input.ratio! >= 1 && input.ratio! <= 100)) {
      throw Errors.validation([{ field: 'ratio', message: '按比例会签需填写 1–100 的百分比 / ratio must be a percentage 1–100' }]);
    }
    if (!task.assignee) task = await this.engine.claimTask({ tenantId: p.tenantId, taskId: task.id, userId: p.userId });
    const roundId = newId();
    const rows: TaskSigner[] = users.map((u, i) => ({
      id: newId(),
      tenantId: p.tenantId,
      instanceId: task.instanceId,
      taskId: task.id,
      activityId: task.activityId,
      roundId,
      mode: input.mode,
      policy,
      ratio: policy === 'ratio' ? input.ratio! : null,
      position: i,
      userId: u.id,
      displayName: u.displayName,
      state: input.mode === 'parallel' || (input.mode === 'before' && i === 0) ? 'active' : 'waiting',
      opinion: null,
      addedBy: p.userId,
      createdAt: nowIso(),
      decidedAt: null,
    }));
    const label = { before: '前加签', after: '后加签', parallel: policy === 'any' ? '或签' : '会签' }[input.mode];
    const names = users.map((u) => u.displayName).join('、');
    const writes = async (tx: Tx) => {
      await this.signers.insert(rows, tx);
      await this.actions.record(
        task,
        'signers-added',
        p,
        `${label}：${names}`,
        { mode: input.mode, policy, ratio: input.ratio ?? null, names },
        tx,
      );
      // 前加签 hands the step on (its notice); 会签 / 或签 asks each co-signer — with the round, or not at all
      if (input.mode === 'before') await this.notifier.instanceTasks(p.tenantId, task.instanceId, tx);
      if (input.mode === 'parallel') {
        await this.notifier.tell(
          users.map((u) => u.id),
          {
            tenantId: p.tenantId,
            kind: 'countersign-requested',
            taskId: task.id,
            instanceId: task.instanceId,
            title: `请${label}：${task.name ?? task.activityId}`,
            message: `${p.displayName} 请您${label}「${task.name ?? task.activityId}」`,
          },
          tx,
        );
      }
      await this.audit.inCommand(tx, task.id);
    };
    if (input.mode === 'before') {
      await this.engine.delegateTask({
        tenantId: p.tenantId,
        taskId: task.id,
        userId: p.userId,
        assignee: users[0].id,
        sideWrites: writes,
      });
    } else {
      await this.actions.transaction(writes);
    }
    return this.summary(task.id);
  }

  /** What completing the step means for `p` now; refuses while a parallel round is undecided. */
  async turn(p: Principal, task: TaskRecord): Promise<SignerTurn> {
    const open = await this.signers.open(task.id);
    if (!open.length) return { kind: 'none' };
    const parallel = open.filter((r) => r.mode === 'parallel');
    if (parallel.length) throw new AppError('TASK_ALREADY_CLAIMED/signing-open', { count: parallel.length });
    const mine = open.find((r) => r.state === 'active' && r.userId === p.userId);
    const waiting = open.filter((r) => r.state === 'waiting');
    if (mine) {
      const next = waiting[0];
      if (mine.mode === 'before') return { kind: 'sign', signer: mine, next: next?.userId ?? mine.addedBy };
      return next ? { kind: 'sign', signer: mine, next: next.userId } : { kind: 'last', signer: mine };
    }
    // the holder submits before the after-signers: their submission is kept, the first after-signer takes over
    if (waiting[0]?.mode === 'after' && waiting[0].addedBy === p.userId) return { kind: 'sign', signer: null, next: waiting[0].userId };
    return { kind: 'none' };
  }

  /** A signature that hands the step on: kept with the case, and the step delegated to `turn.next`. */
  async sign(
    p: Principal,
    task: TaskRecord,
    turn: Extract<SignerTurn, { kind: 'sign' }>,
    data: Record<string, unknown>,
    form: FormPin | null,
  ) {
    const { state, opinion } = signatureOf(data);
    const done = await this.engine.delegateTask({
      tenantId: p.tenantId,
      taskId: task.id,
      userId: p.userId,
      assignee: turn.next,
      sideWrites: async (tx) => {
        if (turn.signer) await this.signers.update({ id: turn.signer.id }, { state, opinion, decidedAt: nowIso() }, tx);
        await this.signers.update({ taskId: task.id, userId: turn.next, state: 'waiting' }, { state: 'active' }, tx);
        if (form) await this.signers.insertSubmission(tx, p, task, form, data);
        const verdict = state === 'approved' ? '同意' : '不同意';
        const title = `${turn.signer ? '加签' : '办理人'}签署：${verdict}${opinion ? `（${opinion}）` : ''}`;
        await this.actions.record(task, 'signed', p, title, { state, opinion, mode: turn.signer?.mode ?? 'after' }, tx);
        await this.notifier.instanceTasks(p.tenantId, task.instanceId, tx);
        await this.audit.inCommand(tx, task.id);
      },
    });
    return { ...done, signed: { state, opinion, next: turn.next } };
  }

  /** After the step completed: the last after-signer's row is signed, anything left of a round is closed. */
  async completed(p: Principal, task: TaskRecord, data: Record<string, unknown>, tx?: Tx): Promise<void> {
    const { state, opinion } = signatureOf(data);
    await this.signers.update({ taskId: task.id, userId: p.userId, state: 'active' }, { state, opinion, decidedAt: nowIso() }, tx);
    await this.signers.update({ taskId: task.id, state: In(['waiting', 'active']) }, { state: 'skipped', decidedAt: nowIso() }, tx);
  }

  /** 会签 / 或签: a co-signer's vote; when the round is decided the rest are closed and the holder is told. */
  async vote(p: Principal, taskId: string, decision: 'approve' | 'reject', opinion?: string) {
    const mine = await this.signers.activeCoSigner(p.tenantId, taskId, p.userId);
    if (!mine) throw Errors.notFound('task');
    const task = await this.engine.getTask(p.tenantId, taskId);
    const state = decision === 'approve' ? 'approved' : 'rejected';
    const said = opinion?.trim() || null;
    const outcome = await this.actions.transaction(async (tx) => {
      await this.signers.update({ id: mine.id, state: 'active' }, { state, opinion: said, decidedAt: nowIso() }, tx);
      const verdict = state === 'approved' ? '同意' : '不同意';
      await this.actions.record(task, 'signed', p, `会签：${verdict}${said ? `（${said}）` : ''}`, { state, mode: 'parallel' }, tx);
      const decided = roundOutcome(await this.signers.round(mine.roundId, tx));
      if (decided) {
        await this.signers.update({ roundId: mine.roundId, state: 'active' }, { state: 'skipped', decidedAt: nowIso() }, tx);
        const title = `会签结果：${decided === 'approved' ? '通过' : '未通过'}`;
        await this.actions.record(task, 'countersign-decided', null, title, { outcome: decided }, tx);
        // the holder is told with the round's decision, or not at all (#14 point 11)
        await this.notifier.tell(
          [mine.addedBy],
          {
            tenantId: p.tenantId,
            kind: 'countersign-decided',
            taskId,
            instanceId: task.instanceId,
            title: `会签已完成：${task.name ?? task.activityId}`,
            message: `「${task.name ?? task.activityId}」会签结果：${decided === 'approved' ? '通过' : '未通过'}，请继续办理`,
          },
          tx,
        );
      }
      await this.audit.inCommand(tx, taskId);
      return decided;
    });
    return { ...(await this.summary(taskId)), outcome };
  }

  /** rule 4 of task-visibility: an active parallel co-signer may open the round */
  isCoSigner(p: Principal, taskId: string): Promise<boolean> {
    return this.signers.isCoSigner(taskId, p.userId);
  }

  /** the step's latest 加签 round, for the task page */
  async summary(taskId: string) {
    const rows = await this.signers.ofTask(taskId);
    const roundId = rows[0]?.roundId;
    const round = rows.filter((r) => r.roundId === roundId).sort((a, b) => a.position - b.position);
    if (!round.length) return { signing: null };
    return {
      signing: {
        roundId,
        mode: round[0].mode,
        policy: round[0].policy,
        ratio: round[0].ratio,
        open: round.some((r) => r.state === 'active' || r.state === 'waiting'),
        outcome: round[0].mode === 'parallel' ? roundOutcome(round) : null,
        signers: round.map((r) => ({
          userId: r.userId,
          displayName: r.displayName,
          state: r.state,
          opinion: r.opinion,
          decidedAt: r.decidedAt,
        })),
      },
    };
  }

  /** the signers by name, in order: active users within reach of the case (ReferenceScope.users, #14 point 1) */
  private async signersOf(p: Principal, usernames: string[], casePath: string | null): Promise<User[]> {
    const wanted = [...new Set((usernames ?? []).map((u) => String(u).trim()).filter(Boolean))];
    if (!wanted.length || wanted.length > MAX_SIGNERS) {
      throw Errors.validation([{ field: 'usernames', message: `请选择 1–${MAX_SIGNERS} 名加签人 / choose 1–${MAX_SIGNERS} signers` }]);
    }
    const found = await this.scope.users(p, wanted, casePath);
    if (found.some((u) => u.id === p.userId)) {
      throw Errors.validation([{ field: 'usernames', message: '不能给自己加签 / you cannot add yourself' }]);
    }
    return found;
  }
}
