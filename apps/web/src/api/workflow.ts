import type { FieldPermissions, FormDefinition } from '@kcbx/forms';
import { request } from './client';
import type { InboxTask } from './types';

/** Shapes and calls of the clerks' workflow endpoints (tasks, starting procedures, instances). */

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

export interface TaskDetail extends InboxTask {
  state: string;
  candidateGroups: string[];
  formKey: string | null;
  form: FormDefinition | null;
  fieldPermissions: FieldPermissions;
  data: Record<string, unknown>;
  earlierSteps: EarlierStep[];
  version: number;
  processName?: string | null;
  studentName?: string | null;
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

export interface ProcessDefinition {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resourceName?: string;
  deployedAt?: string;
  /** Startable list: whether the procedure has a start form. */
  hasStartForm?: boolean;
}

export interface StartForm {
  form: FormDefinition | null;
  fieldPermissions?: FieldPermissions;
}

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

  form: (key: string, version?: number) => request<FormDefinition>('GET', `/api/forms/${id(key)}${version ? `?version=${version}` : ''}`),

  definitions: () => request<ProcessDefinition[]>('GET', '/api/process-definitions'),
  startable: () => request<ProcessDefinition[]>('GET', '/api/process-definitions/startable'),
  startForm: (key: string) => request<StartForm | FormDefinition | null>('GET', `/api/process-definitions/key/${id(key)}/start-form`),
  start: (key: string, body: { studentId?: string; orgUnit?: string; data?: Record<string, unknown> }) =>
    request<ProcessInstance>('POST', `/api/process-definitions/key/${id(key)}/start`, body),
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
