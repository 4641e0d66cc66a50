/**
 * What of each table belongs to a county's export. Every table the database has must be named by one rule here or
 * in NOT_EXPORTED (the export refuses an unknown table, so a new table is decided on, not silently left out).
 */
export interface TableRule {
  /** how a row is the county's: its tenantId column, or (tenant) its own id */
  by: 'tenantId' | 'id';
  /** columns left out, with the reason in README */
  omit?: string[];
  /** what the table holds, for README (zh / en) */
  zh: string;
  en: string;
}

export const EXPORTED: Record<string, TableRule> = {
  tenant: { by: 'id', zh: '县区本身（代码、名称）', en: 'the county itself (code, name)' },
  org_unit: {
    by: 'tenantId',
    zh: '单位树：县、乡镇、学校（path 为从县到本单位的代码路径）',
    en: 'org tree: county, townships, schools (path: codes from the county down)',
  },
  role: { by: 'tenantId', zh: '角色及其权限', en: 'roles and their permissions' },
  app_user: {
    by: 'tenantId',
    omit: ['passwordHash'],
    zh: '用户（不含密码散列）',
    en: 'users (without password hashes)',
  },
  role_assignment: { by: 'tenantId', zh: '谁在哪个单位担任什么角色', en: 'who holds which role at which unit' },
  audit_entry: { by: 'tenantId', zh: '审计日志', en: 'audit log' },
  student: { by: 'tenantId', zh: '学生档案（完整身份证号）', en: 'student files (full ID numbers)' },
  student_status_event: { by: 'tenantId', zh: '学生学籍状态的每次变化', en: 'every change of a student’s status' },
  attachment: {
    by: 'tenantId',
    zh: '附件目录；文件本身在 attachments/<id>/ 下',
    en: 'attachment index; the files themselves under attachments/<id>/',
  },
  register_import: { by: 'tenantId', zh: '名册导入批次', en: 'register imports' },
  register_entry: { by: 'tenantId', zh: '名册中的每一行', en: 'every row of the registers' },
  comparison: { by: 'tenantId', zh: '名册比对', en: 'register comparisons' },
  comparison_finding: { by: 'tenantId', zh: '比对发现', en: 'comparison findings' },
  ledger_entry: { by: 'tenantId', zh: '台账条目（疑似辍学、辍学等）', en: 'ledger entries (suspected dropouts, dropouts, …)' },
  ledger_event: { by: 'tenantId', zh: '台账条目的每次变化', en: 'every change of a ledger entry' },
  form_definition: {
    by: 'tenantId',
    zh: '表单的每个已发布版本；定义另存为 forms/<key>/v<version>.form.json',
    en: 'every published form version; the definitions also as forms/<key>/v<version>.form.json',
  },
  form_draft: { by: 'tenantId', zh: '表单设计器中的草稿', en: 'form builder drafts' },
  form_submission: {
    by: 'tenantId',
    zh: '每次办理提交的表单数据（data 为 JSON）',
    en: 'the form data of every step submitted (data is JSON)',
  },
  process_instance_link: { by: 'tenantId', zh: '案件与学生、单位的关联', en: 'each case’s student and unit' },
  task_comment: { by: 'tenantId', zh: '办理意见', en: 'comments on steps' },
  instance_attachment: { by: 'tenantId', zh: '案件中归档的附件', en: 'attachments filed with cases' },
  notification: { by: 'tenantId', zh: '发给用户的通知', en: 'notifications sent to users' },
  notification_delivery: {
    by: 'tenantId',
    zh: '通知外发记录（企业微信、钉钉、短信、邮件；含失败与待重发）',
    en: 'external notification deliveries (WeCom, DingTalk, SMS, e-mail; failed ones included)',
  },
  notification_preference: {
    by: 'tenantId',
    zh: '用户和角色的通知渠道偏好（含手机号、邮箱）',
    en: 'notification channel preferences of users and roles (with mobile and e-mail)',
  },
  calendar_year: { by: 'tenantId', zh: '本县的工作日历（放假、调休）', en: 'the county’s working-day calendar' },
  task_signer: { by: 'tenantId', zh: '加签（前加签、后加签、会签、或签）及其签署', en: 'added signers (加签) and their signatures' },
  case_action: {
    by: 'tenantId',
    zh: '案件上的办理动作（加签、撤回、抄送、批量审批、催办、提醒）',
    en: 'actions on cases (加签, 撤回, 抄送, 批量审批, 催办, reminders)',
  },
  case_copy: { by: 'tenantId', zh: '抄送：案件抄送给了谁', en: '抄送: who each case was copied to' },
  task_reminder: { by: 'tenantId', zh: '已发出的期限提醒（每个阶段一次）', en: 'deadline reminders sent (once per stage)' },
  report_sign_off: {
    by: 'tenantId',
    zh: '报表签字：制表人、审核人、负责人（谁、何时）',
    en: 'report sign-offs: preparer, reviewer, head (who, when)',
  },
  reconciliation_note: { by: 'tenantId', zh: '三统一差异的说明（谁、何时）', en: 'explanations of 三统一 differences (who, when)' },
  visit_assignment: {
    by: 'tenantId',
    zh: '包抓分工：局机关人员包抓的乡镇与学校',
    en: '包抓 assignments: the township and schools each bureau staff member visits',
  },
  bpmn_definition: {
    by: 'tenantId',
    zh: '流程的每个部署版本；BPMN 文件另存为 procedures/<key>/v<version>.bpmn',
    en: 'every deployed procedure version; the BPMN files also as procedures/<key>/v<version>.bpmn',
  },
  bpmn_decision: {
    by: 'tenantId',
    zh: '决策表（DMN）中每个决策的部署版本（xml 为整个 DMN 文件）',
    en: 'every deployed version of each DMN decision (xml is the whole DMN file)',
  },
  bpmn_instance: { by: 'tenantId', zh: '案件（流程实例）', en: 'cases (procedure instances)' },
  bpmn_execution: { by: 'tenantId', zh: '案件进行中的执行路径（引擎内部状态）', en: 'a case’s paths of execution (engine state)' },
  bpmn_task: { by: 'tenantId', zh: '办理步骤（待办与已办）', en: 'steps (open and done)' },
  bpmn_variable: { by: 'tenantId', zh: '案件变量（value 为 JSON）', en: 'case variables (value is JSON)' },
  bpmn_job: { by: 'tenantId', zh: '定时器与后台作业', en: 'timers and background jobs' },
  bpmn_subscription: { by: 'tenantId', zh: '等待中的消息', en: 'messages waited for' },
  bpmn_incident: { by: 'tenantId', zh: '流程故障', en: 'procedure incidents' },
  bpmn_history: { by: 'tenantId', zh: '案件历史：每个事件一行', en: 'case history: one row per event' },
  task_candidate: {
    by: 'tenantId',
    zh: '步骤的候选角色与人员（由办理步骤派生，供待办查询）',
    en: 'each step’s candidate roles and users (derived from the steps, for the inbox)',
  },
  retention_run: {
    by: 'tenantId',
    zh: '历史数据保留清理记录：每天一行，清理的已办结案件数与各表删除行数',
    en: 'history-retention cleanups: a row a day, the finished cases cleaned and the rows removed per table',
  },
};

/** tables that are no county's data */
export const NOT_EXPORTED: Record<string, string> = {
  migrations: 'the schema’s version (manifest.json names the migrations)',
  login_failure: 'login lockout counters by username (before 0.2.0): security state, not the county’s records',
  login_throttle: 'failed-login delays by username and client address: security state, not the county’s records',
  auth_session: 'sign-in sessions (refresh-token hashes): security state that must never leave the server',
  api_key: 'keys of the county’s programs (secret hashes): security state that must never leave the server',
};

/** the tables of a case, by the column naming its instance: cases/<instanceId>.json gathers them */
export const CASE_TABLES: Record<string, string> = {
  process_instance_link: 'instanceId',
  bpmn_task: 'instanceId',
  bpmn_history: 'instanceId',
  form_submission: 'instanceId',
  task_comment: 'instanceId',
  instance_attachment: 'instanceId',
  bpmn_variable: 'instanceId',
  bpmn_incident: 'instanceId',
};

/** the database's tables this version does not know (a newer schema, or a table added without a rule) */
export function unknownTables(tables: string[]): string[] {
  return tables.filter((t) => !(t in EXPORTED) && !(t in NOT_EXPORTED));
}
