import type { Page, Student, StudentFile } from '@kcbx/api-contract';
import { request } from './client';
import { itemsOf } from './workflow';

/** Calls of the student register and the student file (一生一案). */

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
      actions: itemsOf(f.actions),
      statusHistory: itemsOf(f.statusHistory),
    };
  },
};
