import { request } from './client';
import type { Page } from './types';
import { itemsOf, type EarlierStep, type HistoryEvent, type TaskComment } from './workflow';

/** Shapes and calls of the student register and the student file (一生一案). */

export interface Guardian {
  name: string;
  relation: string;
  phone?: string;
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
}

const id = encodeURIComponent;

export const studentsApi = {
  list: (q: string, page: number, pageSize: number, status?: string) =>
    request<Page<Student>>(
      'GET',
      `/api/students?${new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}), page: String(page), pageSize: String(pageSize) })}`,
    ),
  /** The full ID number and guardian phones; the API writes an audit entry for every call. */
  withFullId: (studentId: string) => request<Student>('GET', `/api/students/${id(studentId)}`),
  file: async (studentId: string): Promise<StudentFile> => {
    const f = await request<Partial<StudentFile> & { student: Student }>('GET', `/api/students/${id(studentId)}/file`);
    return {
      student: f.student,
      instances: itemsOf(f.instances),
      submissions: itemsOf(f.submissions),
      comments: itemsOf(f.comments),
      returns: itemsOf(f.returns),
      attachments: itemsOf(f.attachments),
    };
  },
};
