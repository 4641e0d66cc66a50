/**
 * The one error catalogue: every refusal the API or the engine reports, by key, with its Chinese and English text.
 *
 * A key is the wire code (the `error` field of the API's error body) or `CODE/variant` when one code has several
 * explanations (403 FORBIDDEN says why it refuses): the part before the slash is what goes on the wire, so clients
 * keep branching on the code while the text says the particular reason. `{name}` marks a parameter; both
 * languages name the same parameters (catalogue.spec.ts holds every entry to that). HTTP statuses are the API's
 * business (apps/api maps codes to statuses in one place); the engine raises codes with parameters only.
 */
export interface CatalogueText {
  zh: string;
  en: string;
}

const common = {
  VALIDATION_FAILED: { zh: '提交的数据不符合要求', en: 'The request data is invalid' },
  BAD_REQUEST: { zh: '请求有误', en: 'Bad request' },
  REQUEST_FAILED: { zh: '请求失败', en: 'The request failed' },
  NOT_FOUND: { zh: '未找到{thing}', en: '{thing} not found' },
  'NOT_FOUND/id': { zh: '未找到{thing} {id}', en: '{thing} {id} not found' },
  'NOT_FOUND/route': { zh: '未找到请求的资源', en: 'Not found' },
  'NOT_FOUND/calendar-year': { zh: '未找到{year} 年日历', en: 'Calendar year {year} not found' },
  'NOT_FOUND/calendar-edit': { zh: '未找到本县修改过的 {year} 年日历', en: 'A county edit of calendar year {year} not found' },
  PAYLOAD_TOO_LARGE: { zh: '上传内容过大', en: 'The upload is too large' },
  'PAYLOAD_TOO_LARGE/at-most': { zh: '上传内容过大，最多 {limit}', en: 'The upload is too large; at most {limit}' },
  BAD_JSON: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  JSON_TOO_DEEP: { zh: '请求内容嵌套超过 {max} 层', en: 'The request body is nested deeper than {max} levels' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的内容编码', en: 'Unsupported content encoding' },
  'VALIDATION_FAILED/ledger-entry-other-student': {
    zh: '该台账记录不属于所选学生',
    en: 'That ledger entry is not the chosen student’s',
  },
  'VALIDATION_FAILED/attachment-out-of-scope': {
    zh: '附件不存在或您无权查看',
    en: 'No such attachment in your scope',
  },
  'VALIDATION_FAILED/user-out-of-scope': {
    zh: '用户不存在、已停用或不在本案件的管辖范围内：{names}',
    en: 'No active user within reach of this case: {names}',
  },
  'VALIDATION_FAILED/page': {
    zh: '{name} 须为 1 至 100000 之间的整数',
    en: '{name} must be a whole number from 1 to 100000',
  },
  TOO_MANY_ROWS: { zh: '文件最多 {max} 行，此文件超过 {max} 行', en: 'A file takes at most {max} rows; this file has more' },
  'TOO_MANY_ROWS/form-table': {
    zh: '表单中的表格最多 {max} 行，此文件超过 {max} 行',
    en: 'A form table takes at most {max} rows; this file has more',
  },
  'BAD_FILE/multipart-unreadable': { zh: '上传内容无法读取', en: 'Not a readable multipart upload' },
  'BAD_FILE/upload-refused': { zh: '上传被拒绝：{reason}', en: 'Upload refused: {reason}' },
  TOO_MANY_REQUESTS: { zh: '请求过于频繁', en: 'Too many requests' },
  INTERNAL: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error, please try again later' },
  'UNAVAILABLE/database': { zh: '数据库不可用', en: 'The database is not answering' },
  'BAD_FILE/missing': { zh: '请以 file 字段上传文件', en: 'Attach the file as multipart field "file"' },
  'BAD_FILE/import-too-large': { zh: '文件超过 20 MB', en: 'File larger than 20 MB' },
  'BAD_FILE/import-type': { zh: '只能导入 .csv 或 .xlsx 文件', en: 'Only .csv and .xlsx files can be imported' },
  'BAD_FILE/csv-unreadable': { zh: 'CSV 文件无法读取：{reason}', en: 'Not a readable CSV file: {reason}' },
  'BAD_FILE/xlsx-unreadable': { zh: '无法读取该 .xlsx 文件', en: 'Not a readable .xlsx file' },
  'BAD_FILE/table-too-many-rows': {
    zh: '表单中的表格最多 {max} 行，此文件有 {rows} 行',
    en: 'A form table takes at most {max} rows; this file has {rows}',
  },
  'BAD_FILE/attachment-too-large': { zh: '附件不能超过 20 MB', en: 'Files may be at most 20 MB' },
  'BAD_FILE/attachment-type': {
    zh: '只接受内容与扩展名一致的 {extensions} 文件',
    en: 'Only {extensions} files whose content matches their name are accepted',
  },
} satisfies Record<string, CatalogueText>;

const identity = {
  AUTH_REQUIRED: { zh: '请先登录', en: 'Please log in first' },
  AUTH_TOKEN_EXPIRED: { zh: '登录已过期，请重新登录', en: 'Your session has expired, please log in again' },
  AUTH_TOKEN_INVALID: { zh: '登录凭证无效，请重新登录', en: 'Invalid access token, please log in again' },
  // one answer for a wrong password and a disabled account, so nobody learns which (#14 point 12)
  AUTH_INVALID_CREDENTIALS: {
    zh: '用户名或密码错误；账号已停用的，请联系管理员',
    en: 'Wrong username or password; if your account was disabled, contact your administrator',
  },
  AUTH_ACCOUNT_DISABLED: { zh: '该账号已停用，请联系管理员', en: 'This account is disabled; contact your administrator' },
  AUTH_TOO_MANY_ATTEMPTS: {
    zh: '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed logins; try again in {minutes} minutes',
  },
  'AUTH_TOO_MANY_ATTEMPTS/seconds': {
    zh: '登录失败次数过多，请 {seconds} 秒后再试',
    en: 'Too many failed logins; try again in {seconds} seconds',
  },
  FORBIDDEN: { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  'FORBIDDEN/unit-out-of-scope': { zh: '单位 {code} 不在您的管理范围内', en: 'Unit {code} is outside your scope' },
  'FORBIDDEN/school-out-of-scope': { zh: '该学校不在您的管理范围内', en: 'That school is outside your scope' },
  'FORBIDDEN/visit-assignments': {
    zh: '包抓分工由县教体局管理台账的科室（如基础教育室）维护，您没有修改权限',
    en: 'The visit assignments are kept by the bureau office that manages the ledgers (basic education office); you may not change them',
  },
  'FORBIDDEN/county-office-only': {
    zh: '整改销号台账仅供县教体局各室（督导室等）查看',
    en: 'The rectification list is for the county bureau offices (the inspectorate and others)',
  },
  'FORBIDDEN/county-admin-only': {
    zh: '导出或导入县区数据包需要县级系统管理员',
    en: 'Exporting or importing a county package needs an administrator at county level',
  },
  METRICS_OFF: { zh: '未开启监控指标：请设置 METRICS_TOKEN', en: 'metrics are off: set METRICS_TOKEN' },
  API_KEY_INVALID: {
    zh: 'API 密钥无效或已吊销，请向县级管理员申请新的密钥',
    en: 'The API key is invalid or revoked; ask the county administrator for a new one',
  },
  METRICS_TOKEN_INVALID: {
    zh: '需要正确的监控令牌（Authorization: Bearer <METRICS_TOKEN>）',
    en: 'the metrics token is missing or wrong (Authorization: Bearer <METRICS_TOKEN>)',
  },
  ORG_UNIT_EXISTS: { zh: '单位代码 {code} 已存在', en: 'Org unit code {code} already exists' },
  ROLE_EXISTS: { zh: '角色 {key} 已存在', en: 'Role {key} already exists' },
  USERNAME_TAKEN: { zh: '用户名 {username} 已被使用', en: 'Username {username} is taken' },
  USERNAME_UNAVAILABLE: { zh: '该用户名不可用，请换一个', en: 'This username is not available; choose another' },
  'USERNAME_TAKEN/other-county': {
    zh: '用户名“{username}”已被县 {county} 使用（用户名在各县之间唯一），请换一个',
    en: 'username "{username}" is taken by county {county} (usernames are unique across counties); choose another',
  },
  USERNAME_INVALID: {
    zh: '用户名“{username}”无效：须为 3–64 个字母、数字或 . _ -，以字母或数字开头',
    en: 'username "{username}" is invalid: 3–64 letters, digits, . _ or -, starting with a letter or digit',
  },
  PASSWORD_WEAK: { zh: '密码不符合要求：{reasons}', en: 'password refused: {reasons}' },
  COUNTY_NOT_FOUND: {
    zh: '数据库中没有县 {county}：请先运行 npm run tools -- seed --county {county} --database',
    en: 'the database has no county {county}: run npm run tools -- seed --county {county} --database first',
  },
  ADMIN_ROLE_MISSING: {
    zh: '县 {county} 没有带“admin”权限的角色：请先用 seed --database 装入该县的角色（counties/{county}/roles.json）',
    en: 'county {county} has no role with the "admin" permission: load its roles with seed --database (counties/{county}/roles.json)',
  },
} satisfies Record<string, CatalogueText>;

const workflow = {
  'FORBIDDEN/repair-designers-only': {
    zh: '只有流程设计人员或管理员可以处理故障',
    en: 'Only policy designers and administrators may repair instances',
  },
  'FORBIDDEN/start-not-allowed': { zh: '您的角色不能发起该流程', en: 'Your roles may not start this procedure' },
  'FORBIDDEN/start-not-at-unit': {
    zh: '您在该单位没有发起此流程的角色',
    en: 'You hold no starter role for this procedure at that unit',
  },
  'FORBIDDEN/unclaim-not-holder': { zh: '只能退回自己认领的任务', en: 'You can only give back a task you hold' },
  'TASK_ALREADY_CLAIMED/other': { zh: '该任务已被他人认领', en: 'Someone else holds this task' },
  'FORBIDDEN/signers-not-holder': { zh: '只有该任务的办理人可以加签', en: 'Only the holder of this task may add signers' },
  'TASK_ALREADY_CLAIMED/signing-open': {
    zh: '加签尚未完成（还有 {count} 人未签署），暂不能办理',
    en: 'Added signers have not all signed yet ({count} to go); the step cannot be completed',
  },
  'FORBIDDEN/withdraw-not-submitter': { zh: '只有上一步的提交人可以撤回', en: 'Only whoever submitted the previous step may withdraw' },
  'TASK_ALREADY_CLAIMED/withdraw-too-late': {
    zh: '下一步已被认领或已开始办理，不能撤回',
    en: 'The next step has been claimed or worked on; it can no longer be withdrawn',
  },
  'FORBIDDEN/urge-not-allowed': { zh: '只有发起人或上级单位人员可以催办', en: 'Only the starter or a supervisor may urge this step' },
  'TOO_MANY_REQUESTS/urge': { zh: '催办过于频繁，请 {minutes} 分钟后再试', en: 'Urged too recently; try again in {minutes} minutes' },
  INSTANCE_ENDED: { zh: '流程实例已结束，不能修改变量', en: 'The instance has ended; its variables cannot change' },
  NOT_STARTABLE: { zh: '该流程只能由消息或定时器发起', en: 'This procedure starts only by message or timer' },
  PROCEDURE_NOT_DEPLOYED: {
    zh: '本县尚未部署劝返复学流程（{process}）',
    en: 'This county has not deployed its persuasion procedure ({process})',
  },
  DEPLOYMENT_REFUSED: { zh: '部署被拒绝：共 {count} 个问题', en: 'Deployment refused: {count} problem(s)' },
  FORM_INVALID: { zh: '表单填写有误，请检查标出的字段', en: 'The form has errors; check the marked fields' },
  FORM_DEFINITION_INVALID: {
    zh: '表单定义有 {count} 个问题，未发布',
    en: 'The form definition has {count} problem(s); nothing was published',
  },
  FORM_KEY_MISMATCH: {
    zh: '定义中的标识“{given}”与地址中的“{key}”不一致',
    en: 'The definition\'s key "{given}" is not the key "{key}" in the address',
  },
  FORM_VERSION_CONFLICT: {
    zh: '同时有人发布了此表单的新版本，请查看最新版本后再发布',
    en: 'Someone published this form at the same moment; look at the latest version and publish again',
  },
} satisfies Record<string, CatalogueText>;

/** The engine's codes (libs/engine/src/errors.ts): it raises them with parameters, the texts live here. */
const engine = {
  CONCURRENT_MODIFICATION: {
    zh: '{kind} {id} 已被他人修改，请刷新后重试',
    en: '{kind} {id} was changed by someone else; reload and try again',
  },
  TASK_NOT_ACTIVE: { zh: '任务 {taskId} 已不再处于待办状态（{state}）', en: 'task {taskId} is no longer active ({state})' },
  TASK_ALREADY_CLAIMED: { zh: '任务 {taskId} 已被 {assignee} 认领', en: 'task {taskId} is already claimed by {assignee}' },
  EXTERNAL_TASK_NOT_LOCKED: {
    zh: '外部任务 {taskId} 未由处理程序 {workerId} 锁定（锁已过期或已被其他处理程序领取）',
    en: 'external task {taskId} is not locked by worker {workerId} (its lock expired or another worker fetched it)',
  },
  MESSAGE_NOT_CORRELATED: {
    zh: '没有流程在等待消息"{name}"（关联键"{key}"）',
    en: 'no process is waiting for message "{name}" with key "{key}"',
  },
  'MIGRATION_REFUSED/other-process': {
    zh: '不能把 {from} 的实例迁移到 {to}',
    en: 'cannot migrate {from} instances to {to}',
  },
  'INVALID_ARGUMENT/return-reason-required': { zh: '退回必须填写原因', en: 'a return needs a reason' },
  'INVALID_ARGUMENT/return-multi-instance': {
    zh: '多实例环节 {step} 不能退回',
    en: 'step {step} runs as multi-instance and cannot be returned',
  },
  'INVALID_ARGUMENT/return-step-not-done': {
    zh: '本案尚未办理过环节 {step}，不能退回到该环节',
    en: 'step {step} has not been done in this case',
  },
  'INVALID_ARGUMENT/return-no-earlier-step': { zh: '没有可退回的上一环节', en: 'there is no earlier step to return to' },
  'INVALID_ARGUMENT/return-other-scope': {
    zh: '环节 {step} 与当前环节不在同一流程范围内，不能退回',
    en: 'step {step} is not in the same part of the procedure',
  },
  'INVALID_ARGUMENT/instance-ended': { zh: '流程实例 {id} 已结束', en: 'instance {id} has ended' },
  'INVALID_ARGUMENT/incident-resolved': { zh: '故障 {id} 已解决', en: 'incident {id} is already resolved' },
  'INVALID_ARGUMENT/signal-name': { zh: '信号名称必须为 1–255 个字符', en: 'signal name must be 1–255 characters' },
  XML_TOO_LARGE: { zh: '文件大小 {bytes} 字节，超过上限 {max} 字节', en: 'file is {bytes} bytes; the limit is {max}' },
  XML_NOT_XML: { zh: '文件不是 XML（未以"<"开头）', en: 'file is not XML (it does not start with "<")' },
  XML_DOCTYPE_REFUSED: {
    zh: '拒绝 DOCTYPE 与 ENTITY 声明（防止实体膨胀与外部实体攻击）',
    en: 'DOCTYPE and ENTITY declarations are refused (entity expansion and external entities)',
  },
  XML_MALFORMED: { zh: '不是可读取的 BPMN 2.0 文件：{reason}', en: 'not a readable BPMN 2.0 file: {reason}' },
} satisfies Record<string, CatalogueText>;

const casework = {
  STUDENT_EXISTS: { zh: '该身份证号的学生已在学籍中', en: 'A student with this ID number is already registered' },
  CASE_ALREADY_RUNNING: {
    zh: '{student} 的劝返工作已在进行或已销号',
    en: 'A case for {student} is already running or closed',
  },
  LEDGER_ENTRY_EXISTS: {
    zh: '{student} 已在{ledger}中且劝返工作正在进行，不重复登记',
    en: '{student} is already on the {ledger} with a case running; not entered twice',
  },
  'FORBIDDEN/ledger-report': {
    zh: '您在单位 {code} 没有报告失学儿童的权限',
    en: 'You may not report out-of-school children at unit {code}',
  },
  DELIVERY_NOT_DEAD: {
    zh: '只有发送失败（已停止重试）的通知可以重发，此条状态为 {state}',
    en: 'Only deliveries that failed every try can be resent; this one is {state}',
  },
  'VALIDATION_FAILED/channel-not-configured': {
    zh: '本县未配置通知渠道 {channel}，可选：{available}',
    en: 'The county has no {channel} channel configured; available: {available}',
  },
  'VALIDATION_FAILED/channel-needs-address': {
    zh: '选择 {channel} 需要填写{address}',
    en: '{channel} needs {address}',
  },
  'VALIDATION_FAILED/assignment-import': {
    zh: '包抓分工表有 {count} 处问题，未导入任何一行',
    en: 'The assignment list has {count} problem(s); no row was imported',
  },
  'VALIDATION_FAILED/assignment-missing': { zh: '缺少{column}', en: '{column} is missing' },
  'VALIDATION_FAILED/assignment-person-unknown': {
    zh: '找不到局机关人员“{person}”',
    en: 'No bureau staff member "{person}"',
  },
  'VALIDATION_FAILED/assignment-person-ambiguous': {
    zh: '姓名“{person}”对应多个账号，请填写账号',
    en: 'Several accounts are named "{person}"; give the account',
  },
  'VALIDATION_FAILED/assignment-not-bureau-staff': {
    zh: '{person} 不是局机关包抓人员（须在县教体局或其科室任职，且所任角色可记录包抓走访）',
    en: '{person} is not bureau staff who visit townships (a role at the county bureau or an office that may record township visits)',
  },
  'VALIDATION_FAILED/assignment-township-unknown': { zh: '找不到乡镇“{township}”', en: 'No township "{township}"' },
  'VALIDATION_FAILED/assignment-school-unknown': {
    zh: '学校“{school}”不在{township}',
    en: 'School "{school}" is not in {township}',
  },
  'VALIDATION_FAILED/assignment-duplicate': {
    zh: '与第 {row} 行重复：同一人包抓同一乡镇只写一行',
    en: 'Repeats row {row}: one row per person and township',
  },
  'VALIDATION_FAILED/assignment-exists': {
    zh: '{person} 已包抓{township}，请修改原有分工',
    en: '{person} already has {township}; edit that assignment',
  },
  COMPARISON_NEEDS_REGISTERS: {
    zh: '请先导入户籍名册和学籍名册，再进行比对',
    en: 'Import the household register and the student register before comparing',
  },
  REPORT_UNRECONCILED: {
    zh: '{unit}尚有 {count} 处三统一（人账相符）差异未说明，请先在“三统一核对”中逐条说明后再签字',
    en: '{unit} has {count} unexplained difference(s) between ledger, student register and poverty list (three-way check); explain each on the reconciliation page before signing',
  },
  REPORT_LINE_SIGNED: {
    zh: '此报表的{line}已由 {name} 于 {at} 签字',
    en: 'The {line} line of this report was already signed by {name} at {at}',
  },
} satisfies Record<string, CatalogueText>;

const operations = {
  PACKAGE_REFUSED: {
    zh: '数据包被拒绝：共 {count} 个问题，未做任何更改',
    en: 'Package refused: {count} problem(s); nothing was changed',
  },
  'PACKAGE_REFUSED/county-code': {
    zh: '县代码 {code} 须为 6 位数字，且数据包的根单位（{root}）须是该县本身',
    en: "county code {code} must be 6 digits and the package's root unit ({root}) must be the county itself",
  },
  COUNTY_MISMATCH: {
    zh: '数据包属于 {packageCounty}（{packageCode}），而您登录的是 {county}（{code}）；请用该县的管理员账号导入',
    en: "The package is for {packageCounty} ({packageCode}) but you are logged in to {county} ({code}); import it as that county's administrator",
  },
  BACKUP_NOT_FOUND: { zh: '找不到备份文件 {archive}', en: 'no backup file {archive}' },
  BACKUP_INVALID: {
    zh: '这不是本平台的备份文件，或文件已损坏（{why}）',
    en: 'this is not a backup of this platform, or it is damaged ({why})',
  },
  BACKUP_DAMAGED: {
    zh: '备份已损坏：{count} 个文件缺失或校验和不符（{files}）',
    en: 'the backup is damaged: {count} files missing or with a wrong checksum ({files})',
  },
  BACKUP_SCHEMA_NEWER: {
    zh: '该备份来自更新的版本（{backupVersion}），其数据库结构包含本版本（{version}）不认识的迁移：{migrations}。请先安装不低于 {backupVersion} 的版本再恢复',
    en: 'this backup comes from a newer version ({backupVersion}); its database has migrations this version ({version}) does not know: {migrations}. Install version {backupVersion} or later, then restore',
  },
  BACKUP_KIND_MISMATCH: {
    zh: '该备份是 {backupKind} 数据库的，而本服务器使用 {kind}（DATABASE_URL / DATA_DIR）',
    en: 'this backup is of a {backupKind} database; this server uses {kind} (DATABASE_URL / DATA_DIR)',
  },
  BACKUP_TOOL_MISSING: {
    zh: '找不到 {tool}：请安装 PostgreSQL 客户端（Debian/Ubuntu：apt-get install postgresql-client，主版本不低于服务器）',
    en: "{tool} not found: install the PostgreSQL client (Debian/Ubuntu: apt-get install postgresql-client, major version at least the server's)",
  },
  BACKUP_TOOL_FAILED: { zh: '{tool} 失败（退出码 {code}）：{output}', en: '{tool} failed (exit code {code}): {output}' },
  RESTORE_DATABASE_IN_USE: {
    zh: '数据库上还有 {count} 个其他连接：请先停止所有 API 服务（systemctl stop kcbx）再恢复',
    en: '{count} other sessions are connected to the database: stop every API server (systemctl stop kcbx) before restoring',
  },
  RESTORE_TARGET_NOT_EMPTY: {
    zh: '目标数据库中已有数据；确认用备份替换它请加 --replace（SQLite 的原文件会保留在旁边）',
    en: 'the target database has data; add --replace to replace it with the backup (a SQLite file is kept beside it)',
  },
  RESTORE_VERIFY_FAILED: {
    zh: '恢复后的行数与备份不符：{tables}',
    en: "row counts after the restore differ from the backup's: {tables}",
  },
  EXPORT_TARGET_NOT_EMPTY: {
    zh: '目录 {dir} 已存在且不为空；确认写入请加 --force',
    en: '{dir} exists and is not empty; add --force to write into it',
  },
  'COUNTY_NOT_FOUND/export': {
    zh: '数据库中没有县区 {code}（先用 seed --county {code} --database 载入）',
    en: 'no county {code} in the database (load it with seed --county {code} --database)',
  },
  EXPORT_UNKNOWN_TABLES: {
    zh: '数据库中有本版本不认识的表：{tables}（数据库来自更新的版本？请用该版本导出）',
    en: "the database has tables this version does not know: {tables} (a newer version's database? export with that version)",
  },
} satisfies Record<string, CatalogueText>;

export const ERROR_CATALOGUE = { ...common, ...identity, ...workflow, ...engine, ...casework, ...operations };

/** A catalogue key: the wire code, or `CODE/variant`. */
export type ErrorKey = keyof typeof ERROR_CATALOGUE;

/** The code that goes on the wire for a key (the part before the slash). */
export type WireCode<K extends string = ErrorKey> = K extends `${infer Code}/${string}` ? Code : K;
export type ErrorCode = WireCode<ErrorKey>;

export function isErrorKey(key: string): key is ErrorKey {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, key);
}

export function wireCode<K extends ErrorKey>(key: K): WireCode<K> {
  return key.split('/')[0] as WireCode<K>;
}
