import type { VisitAssignment, VisitAssignmentInput } from '@kcbx/api-contract';
import { request, upload } from '../../api/client';

export interface AssignmentImport {
  rows: number;
  replaced: number;
  dryRun: boolean;
}

/** A refused cell of an imported list, as the API reports it. */
export interface AssignmentProblem {
  row: number;
  field: string;
  column: string;
  message: string;
}

export const visitsApi = {
  list: () => request<VisitAssignment[]>('GET', '/api/visit-assignments'),
  create: (input: VisitAssignmentInput) => request<VisitAssignment>('POST', '/api/visit-assignments', input),
  update: (id: string, input: VisitAssignmentInput) =>
    request<VisitAssignment>('PUT', `/api/visit-assignments/${encodeURIComponent(id)}`, input),
  remove: (id: string) => request<void>('DELETE', `/api/visit-assignments/${encodeURIComponent(id)}`),
  import: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return upload<AssignmentImport>('/api/visit-assignments/imports', form, () => undefined);
  },
};
