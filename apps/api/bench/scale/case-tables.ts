/**
 * The rows one case owns, table by table, and how a copy of them differs from the template: which columns hold
 * ids (given a copy suffix, so a copy's rows point at each other exactly as the template's do), which hold times
 * (moved into the past), and which name the case's child (moved to a copy of that child).
 */
export interface CaseTable {
  table: string;
  /** the expression over `x` (the template row) that names the row's instance; `via` joins what it needs */
  instance: string;
  via?: string;
  ids: string[];
  /** engine times: epoch milliseconds */
  ms?: string[];
  /** API times: ISO-8601 text */
  iso?: string[];
  /** columns holding a student's id */
  student?: string[];
  /** text that may quote the child's id or ID number (variables, form data, the business key) */
  studentText?: string[];
  /** the column holding the path of the unit the case sits at, moved with the case (org-spread.ts) */
  unitPath?: string;
  /** the `orgUnit` variable's value: the case's placement, moved with the case */
  unitVariable?: boolean;
  /** open steps claimed at the template's unit are unclaimed when the case moves */
  unclaimMoved?: boolean;
}

export const CASE_TABLES: CaseTable[] = [
  {
    table: 'bpmn_instance',
    instance: 'x."id"',
    ids: ['id', 'parentExecutionId'],
    ms: ['startedAt', 'endedAt'],
    studentText: ['businessKey'],
  },
  { table: 'bpmn_execution', instance: 'x."instanceId"', ids: ['id', 'instanceId', 'parentId'], ms: ['createdAt'] },
  {
    table: 'bpmn_task',
    instance: 'x."instanceId"',
    ids: ['id', 'instanceId', 'executionId'],
    ms: ['dueAt', 'createdAt', 'claimedAt', 'completedAt'],
    unclaimMoved: true,
  },
  {
    table: 'bpmn_variable',
    instance: 'x."instanceId"',
    ids: ['id', 'instanceId', 'scopeId'],
    studentText: ['value'],
    unitVariable: true,
  },
  { table: 'bpmn_history', instance: 'x."instanceId"', ids: ['id', 'instanceId', 'taskId'], ms: ['at'], studentText: ['data'] },
  { table: 'bpmn_job', instance: 'x."instanceId"', ids: ['id', 'instanceId', 'executionId'], ms: ['dueAt', 'createdAt'] },
  {
    table: 'form_submission',
    instance: 'x."instanceId"',
    ids: ['id', 'instanceId', 'taskId'],
    iso: ['submittedAt'],
    studentText: ['data'],
  },
  { table: 'instance_attachment', instance: 'x."instanceId"', ids: ['id', 'instanceId', 'taskId'], iso: ['linkedAt'] },
  {
    table: 'process_instance_link',
    instance: 'x."instanceId"',
    ids: ['instanceId'],
    iso: ['startedAt'],
    student: ['studentId'],
    unitPath: 'orgUnitPath',
  },
  { table: 'notification', instance: 'x."instanceId"', ids: ['id', 'taskId', 'instanceId'], iso: ['createdAt', 'readAt'] },
  { table: 'case_action', instance: 'x."instanceId"', ids: ['id', 'instanceId', 'taskId'], iso: ['createdAt'] },
  { table: 'task_comment', instance: 'x."instanceId"', ids: ['id', 'instanceId', 'taskId'], iso: ['createdAt'] },
  { table: 'task_signer', instance: 'x."instanceId"', ids: ['id', 'instanceId', 'taskId'], iso: ['createdAt', 'decidedAt'] },
  { table: 'case_copy', instance: 'x."instanceId"', ids: ['id', 'instanceId', 'taskId'], iso: ['createdAt', 'readAt'] },
  { table: 'student_status_event', instance: 'x."instanceId"', ids: ['id', 'instanceId'], iso: ['at'], student: ['studentId'] },
  {
    table: 'ledger_entry',
    instance: 'x."caseId"',
    ids: ['id', 'caseId'],
    iso: ['createdAt', 'updatedAt'],
    student: ['studentId'],
    studentText: ['idNumber'],
    unitPath: 'orgUnitPath',
  },
  {
    table: 'ledger_event',
    instance: 'le."caseId"',
    via: 'JOIN ledger_entry le ON le."id" = x."entryId"',
    ids: ['id', 'entryId'],
    iso: ['at'],
  },
];
