import type { FieldPermissions, FormDefinition } from '@kcbx/forms';
import type { Page } from './page';

/** Tasks, procedures (process definitions), their instances and deployments (/api/tasks, /api/process-*). */

/** One row of the inbox (GET /api/tasks). */
export interface InboxTask {
  id: string;
  name: string | null;
  activityId: string;
  instanceId: string;
  processKey: string;
  businessKey: string | null;
  orgUnit: string | null;
  orgUnitName: string | null;
  assignee: string | null;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  /** Who the case is about (absent for cases about nobody). */
  studentId?: string | null;
  studentName?: string | null;
  /** The student's ID number, masked by the server (6…4). */
  studentIdNumber?: string | null;
  /** older servers' name for the same */
  studentIdNumberMasked?: string | null;
  schoolName?: string | null;
  /** The procedure's own (Chinese) name, not its key. */
  processName?: string | null;
  stepName?: string | null;
  /** 已办 rows: when I completed it and where the case is now. */
  completedAt?: string | null;
  currentSteps?: string[];
  currentStep?: string | null;
  /** 已办 rows: the case's open steps by id (what 撤回 and 催办 act on) */
  currentTasks?: { id: string; name: string }[];
}

export type InboxScope = 'all' | 'mine' | 'candidate';

/**
 * A caller whose units span the county (a bureau office sees over a thousand open tasks) has their badges and
 * total counted up to this many and no further: counting them all cost more than the page. A count of
 * INBOX_COUNT_CAP reads "99+", as the tabs' badges already showed any count over 99.
 */
export const INBOX_COUNT_CAP = 100;

/** A count as shown: "99+" from INBOX_COUNT_CAP up. */
export function inboxCountLabel(n: number): string {
  return n >= INBOX_COUNT_CAP ? `${INBOX_COUNT_CAP - 1}+` : String(n);
}

/**
 * GET /api/tasks. Paged by `?after=<nextCursor>` (keyset: the next page reads only its own rows) or, as before,
 * by `?page=`; a wide caller's `total` is counted up to INBOX_COUNT_CAP (then `totalCapped`: at least that many).
 */
export interface Inbox extends Page<InboxTask> {
  /** the badges, each counted up to INBOX_COUNT_CAP (`capped` when one reached it) */
  counts: { mine: number; candidate: number; overdue: number; capped?: boolean };
  /** true when `total` is the cap, not the count (older servers leave it out) */
  totalCapped?: boolean;
  /** `?after=` for the page after this one; null on the last page (older servers leave it out) */
  nextCursor?: string | null;
}

/** A form submitted at an earlier step, pinned to the form version it was filled in. */
export interface EarlierStep {
  /** null for the start form */
  taskId: string | null;
  activityId: string;
  stepName?: string | null;
  formKey: string;
  formVersion: number;
  data: Record<string, unknown>;
  submittedBy: string;
  submittedAt: string;
}

/** GET /api/tasks/{id}: the task with its form, the fields the step may write and what earlier steps filled in. */
export interface TaskDetail extends InboxTask {
  state: string;
  candidateGroups: string[];
  formKey: string | null;
  form: FormDefinition | null;
  fieldPermissions: FieldPermissions;
  /** all the case's variables (the header reads the student from them) */
  data: Record<string, unknown>;
  /** what the step's form opens with, decided by the server: its own earlier submission, its input mapping, the form's defaults */
  formData?: Record<string, unknown>;
  earlierSteps: EarlierStep[];
  version: number;
  processName?: string | null;
  studentName?: string | null;
  /** the step's latest 加签 round (null: none) */
  signing?: SigningRound | null;
  /** how many times the step was urged (催办) */
  urgeCount?: number;
}

export type SignerMode = 'before' | 'after' | 'parallel';
export type SignPolicy = 'all' | 'ratio' | 'any';

/** 加签: the people added to a step together, with their signatures */
export interface SigningRound {
  roundId: string;
  mode: SignerMode;
  policy: SignPolicy | null;
  ratio: number | null;
  open: boolean;
  outcome: 'approved' | 'rejected' | null;
  signers: {
    userId: string;
    displayName: string;
    state: 'waiting' | 'active' | 'approved' | 'rejected' | 'skipped';
    opinion: string | null;
    decidedAt: string | null;
  }[];
}

/** POST /api/tasks/batch-complete: each task's outcome */
export interface BatchResult {
  results: { taskId: string; status: 'completed' | 'failed'; error?: string; code?: string }[];
  completed: number;
  failed: number;
}

/** GET /api/tasks?scope=cc (抄送我的): a case copied to me */
export interface CaseCopyItem {
  id: string;
  instanceId: string;
  taskId: string | null;
  stepName: string | null;
  processName: string | null;
  studentId: string | null;
  studentName: string | null;
  source: 'model' | 'hand';
  byName: string | null;
  createdAt: string;
  state: string | null;
}

export interface TaskComment {
  id: string;
  body?: string;
  text?: string;
  authorName?: string | null;
  author?: string | null;
  createdAt?: string;
  at?: string;
}

export interface HistoryEvent {
  id?: string;
  type: string;
  elementId: string | null;
  elementType: string | null;
  userId: string | null;
  userName: string | null;
  taskId: string | null;
  at: string;
  /** Event details, e.g. a return's {reason, toActivityId}. */
  data?: Record<string, unknown>;
}

export interface ProcessInstance {
  id: string;
  key: string;
  definitionId: string;
  businessKey: string | null;
  state: string;
  orgUnit: string;
  orgUnitName: string;
  startedAt: string;
  endedAt: string | null;
  activeActivityIds: string[];
  variables: Record<string, unknown>;
  history: HistoryEvent[];
  name?: string | null;
}

/** GET /api/process-definitions (the designers' list) and …/startable (the clerks' list). */
/** `POST /api/process-definitions/{id}/migrate`: what moved to the target version and what stayed, with why. */
export interface InstanceMigrationResult {
  /** a preview (`?dryRun=true`): `migrated` counts what would move; nothing moved */
  dryRun: boolean;
  key: string;
  fromVersion: number;
  toVersion: number;
  migrated: number;
  migratedIds: string[];
  /** cases left on their version: the element ids the target version lacks, and those steps' names */
  refused: { instanceId: string; missing: string[]; missingSteps: string[] }[];
}

export interface ProcessDefinition {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resourceName: string;
  deployedAt: string;
  /** Startable list only: whether the procedure has a start form. */
  hasStartForm?: boolean;
  /** What its cases are about (the start event's zeebe:property subject): "student" means starting needs one. */
  subject?: string | null;
  /** the same, as a flag */
  requiresStudent?: boolean;
}

export interface StartForm {
  form: FormDefinition | null;
  fieldPermissions?: FieldPermissions;
  subject?: string | null;
}

/** What the clerk sends to start a procedure (POST /api/process-definitions/key/{key}/start). */
export interface StartProcedure {
  studentId?: string;
  orgUnit?: string;
  data?: Record<string, unknown>;
}

/** One problem of a refused deployment, as the API lists it (in the error's details). */
export interface DeployProblem {
  resource: string;
  elementId?: string;
  line?: number;
  message: string;
}

export interface DeployResult {
  id: string;
  processDefinitions: { id: string; key: string; version: number }[];
  forms: { key: string; version: number }[];
  /** decision tables (.dmn) deployed with it: each decision's version, and whether this deployment made it */
  decisions?: { key: string; version: number; isNew: boolean }[];
  /** nothing in it differed from what was deployed: no new version */
  unchanged?: boolean;
}

export interface Incident {
  id: string;
  activityId: string;
  type: string;
  message: string;
}

/** A row of the instances list (GET /api/process-instances). */
export interface InstanceSummary {
  id: string;
  key: string;
  definitionId: string;
  version?: number;
  businessKey: string | null;
  state: string;
  orgUnit?: string;
  orgUnitName?: string;
  startedAt: string;
  endedAt: string | null;
  activeActivityIds?: string[];
  incidents?: Incident[] | number;
  studentName?: string | null;
}

export interface InstanceDetail extends InstanceSummary {
  activeActivityIds: string[];
  incidents: Incident[];
  variables: Record<string, unknown>;
  history: { id: string; type: string; elementId: string | null; elementType: string | null; at: string; userName: string | null }[];
}

/** `GET /api/decisions`: the latest version of each deployed DMN decision. */
export interface DecisionSummary {
  id: string;
  /** the DMN decision id that business rule tasks call */
  key: string;
  name: string | null;
  version: number;
  resourceName: string;
  deployedAt: string;
}
