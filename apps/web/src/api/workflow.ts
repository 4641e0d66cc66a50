import type {
  BatchResult,
  CaseCopyItem,
  Page,
  ProcessDefinition,
  ProcessInstance,
  SignerMode,
  SignPolicy,
  StartForm,
  StartProcedure,
  TaskComment,
  TaskDetail,
} from '@kcbx/api-contract';
import type { FormDefinition } from '@kcbx/forms';
import { request } from './client';

/** Calls of the clerks' workflow endpoints (tasks, starting procedures, instances). */

const id = encodeURIComponent;

export const workflowApi = {
  task: (taskId: string) => request<TaskDetail>('GET', `/api/tasks/${id(taskId)}`),
  claim: (taskId: string) => request<unknown>('POST', `/api/tasks/${id(taskId)}/claim`),
  unclaim: (taskId: string) => request<unknown>('POST', `/api/tasks/${id(taskId)}/unclaim`),
  complete: (taskId: string, data: Record<string, unknown>) => request<unknown>('POST', `/api/tasks/${id(taskId)}/complete`, { data }),
  returnTask: (taskId: string, reason: string, targetElementId?: string) =>
    request<unknown>('POST', `/api/tasks/${id(taskId)}/return`, { reason, ...(targetElementId ? { targetElementId } : {}) }),
  delegate: (taskId: string, username: string) => request<unknown>('POST', `/api/tasks/${id(taskId)}/delegate`, { username }),
  comments: (taskId: string) => request<TaskComment[] | { items: TaskComment[] }>('GET', `/api/tasks/${id(taskId)}/comments`),
  addComment: (taskId: string, body: string) => request<TaskComment>('POST', `/api/tasks/${id(taskId)}/comments`, { body }),

  // the approval verbs (API.md: signers, withdraw, cc, urge, batch-complete)
  addSigners: (taskId: string, body: { usernames: string[]; mode: SignerMode; policy?: SignPolicy; ratio?: number }) =>
    request<unknown>('POST', `/api/tasks/${id(taskId)}/signers`, body),
  sign: (taskId: string, decision: 'approve' | 'reject', opinion?: string) =>
    request<unknown>('POST', `/api/tasks/${id(taskId)}/sign`, { decision, ...(opinion ? { opinion } : {}) }),
  withdraw: (taskId: string, reason?: string) => request<unknown>('POST', `/api/tasks/${id(taskId)}/withdraw`, reason ? { reason } : {}),
  cc: (taskId: string, body: { usernames?: string[]; roles?: string[] }) =>
    request<{ copied: number; names: string[] }>('POST', `/api/tasks/${id(taskId)}/cc`, body),
  urge: (taskId: string, message?: string) =>
    request<{ count: number; notified: number }>('POST', `/api/tasks/${id(taskId)}/urge`, message ? { message } : {}),
  batchComplete: (taskIds: string[], data: Record<string, unknown>) =>
    request<BatchResult>('POST', '/api/tasks/batch-complete', { taskIds, data }),
  copiedToMe: (page: number, pageSize: number) =>
    request<Page<CaseCopyItem>>('GET', `/api/tasks?scope=cc&page=${page}&pageSize=${pageSize}`),

  form: (key: string, version?: number) => request<FormDefinition>('GET', `/api/forms/${id(key)}${version ? `?version=${version}` : ''}`),

  definitions: () => request<ProcessDefinition[]>('GET', '/api/process-definitions'),
  startable: () => request<ProcessDefinition[]>('GET', '/api/process-definitions/startable'),
  startForm: (key: string) => request<StartForm | FormDefinition | null>('GET', `/api/process-definitions/key/${id(key)}/start-form`),
  start: (key: string, body: StartProcedure) => request<ProcessInstance>('POST', `/api/process-definitions/key/${id(key)}/start`, body),
  definitionXml: (definitionId: string) => request<{ xml: string }>('GET', `/api/process-definitions/${id(definitionId)}/xml`),

  instance: (instanceId: string) => request<ProcessInstance>('GET', `/api/process-instances/${id(instanceId)}`),
  instancesOfStudent: (studentId: string) =>
    request<ProcessInstance[] | { items: ProcessInstance[] }>('GET', `/api/process-instances?studentId=${id(studentId)}`),
};

/** Lists come back bare or paged depending on the endpoint; pages read both. */
export function itemsOf<T>(v: T[] | { items: T[] } | null | undefined): T[] {
  if (!v) return [];
  return Array.isArray(v) ? v : (v.items ?? []);
}
