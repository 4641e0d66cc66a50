import type { EarlierStep, HistoryEvent, TaskComment } from './workflow';

/** The student register and the student file (一生一案): /api/students. */
export interface Guardian {
  name: string;
  relation: string;
  phone?: string;
}

/** The status lifecycle; procedures set it (service task `set-student-status`), the file shows its history. */
export const STUDENT_STATUSES = [
  'enrolled',
  'suspected-dropout',
  'dropout',
  'returned',
  'deferred',
  'suspended',
  'home-teaching',
  'transferred',
  'graduated',
] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

export interface StudentStatusChange {
  fromStatus: StudentStatus | null;
  toStatus: StudentStatus;
  until: string | null;
  note: string | null;
  instanceId: string | null;
  at: string;
}

export interface Student {
  id: string;
  name: string;
  sex: string;
  ethnicity: string | null;
  birthDate: string;
  idNumberMasked: string;
  /** Only from GET /api/students/{id}, to users whose scope covers the child; every such read is audited. */
  idNumber?: string;
  studentNumber: string | null;
  school: string | null;
  schoolPath: string;
  grade: string | null;
  className: string | null;
  residenceCode: string | null;
  village: string | null;
  guardians: Guardian[];
  flags: Record<string, unknown>;
  status: string;
  /** The status holds until this day (缓学、休学), or null. */
  statusUntil?: string | null;
  isDemo: boolean;
}

export interface FileSubmission extends EarlierStep {
  instanceId: string;
}

export interface FileAttachment {
  id: string;
  name: string;
  size?: number;
  type?: string;
  instanceId?: string | null;
  uploadedBy?: string | null;
  uploadedByName?: string | null;
  uploadedAt?: string;
  createdAt?: string;
  /** When and by whom it was filed with the case. */
  linkedAt?: string;
  linkedByName?: string | null;
}

export interface FileReturn {
  id?: string;
  instanceId?: string;
  taskId?: string;
  reason: string;
  byName?: string | null;
  by?: string | null;
  at?: string;
  createdAt?: string;
  fromActivityId?: string | null;
  toActivityId?: string | null;
}

export interface FileInstance {
  id: string;
  key: string;
  name?: string | null;
  state: string;
  startedAt: string;
  endedAt: string | null;
  orgUnitName?: string | null;
  timeline?: HistoryEvent[];
  history?: HistoryEvent[];
  definitionId?: string;
  /** Step names by element id, when the API sends them. */
  stepNames?: Record<string, string>;
}

export interface StudentFile {
  student: Student;
  instances: FileInstance[];
  submissions: FileSubmission[];
  comments: (TaskComment & { instanceId?: string })[];
  returns: FileReturn[];
  attachments: FileAttachment[];
  /** Every status change, oldest first. */
  statusHistory?: StudentStatusChange[];
  /** the approval verbs' lines: 加签, 会签, 撤回, 抄送, 批量审批, 催办, deadline reminders */
  actions?: FileAction[];
}

export interface FileAction {
  id: string;
  instanceId: string;
  taskId: string | null;
  kind: string;
  title: string;
  by: string | null;
  at: string;
}
