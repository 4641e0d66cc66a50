import type { ExportManifest } from './county-export.service';
import { EXPORTED } from './export-tables';

/** README.md inside an export: what every file is, in Chinese then English (the format is also in docs/deploy). */
export function exportReadme(m: ExportManifest): string {
  const tables = Object.entries(m.tables)
    .map(([name, t]) => {
      const rule = EXPORTED[name];
      const omitted = t.omittedColumns.length ? `（不含 without: ${t.omittedColumns.join(', ')}）` : '';
      return `| \`${name}\` | ${t.rows} | ${rule?.zh ?? ''}${omitted} | ${rule?.en ?? ''} |`;
    })
    .join('\n');
  const notExported = Object.entries(m.notExported)
    .map(([name, why]) => `- \`${name}\`: ${why}`)
    .join('\n');
  return `# ${m.county.name}（${m.county.code}）数据导出 / data export

导出时间 exported at: ${m.exportedAt} · 版本 version: ${m.appVersion} · 数据库 database: ${m.database} ·
格式 format: \`${m.format}\`

## 中文说明

这是本县在控辍保学平台中的全部数据，在同一时刻（一个数据库快照）导出，不依赖本平台即可阅读和迁移：

- \`manifest.json\`：本次导出的清单——县区、导出时间、版本、数据库结构的迁移列表、每张表的行数、每个表单与流程文件、
  每个附件的路径、大小和 SHA-256 校验值。可用它核对导出是否完整。
- \`tables/<表>.json\`：该表属于本县的全部行，一个 JSON 数组，每行一个对象，字段名与数据库列名相同；内容为 JSON 的列
  （如表单数据 \`data\`、变量 \`value\`）保持数据库中的原文（JSON 文本）。时间为 ISO 8601（UTC）文本或毫秒数（列名以 At 结尾）。
- \`tables/<表>.csv\`：同样的行，UTF-8 带 BOM（Excel 可直接正确显示中文），逗号分隔，CRLF 换行，按 RFC 4180 加引号；
  以 = + @ 或 -（后接非数字）开头的文本前加一个单引号 '，防止电子表格把它当公式执行（JSON 文件中为原值）。
- \`forms/<表单key>/v<版本>.form.json\`：每个已发布的表单版本的定义（JSON Schema + 界面布局）。
- \`procedures/<流程key>/v<版本>.bpmn\`：每个已部署的流程版本（BPMN 2.0 XML，可用任何 BPMN 工具打开）。
- \`cases/<案件id>.json\`：每个案件（流程实例）一份：实例本身（\`instance\`）以及它的办理步骤（\`bpmn_task\`）、历史事件
  （\`bpmn_history\`，按时间）、提交的表单（\`form_submission\`）、意见、附件、变量、故障和学生关联。与 tables/ 中的行相同，只是按案件归拢。
- \`attachments/<附件id>/<原文件名>\`：附件文件本身；\`tables/attachment.csv\` 是附件目录（上传人、时间、类型、校验值）。

表之间的关系：各表的 \`tenantId\` 都是本县；案件相关的表用 \`instanceId\` 指向 \`bpmn_instance.id\`；\`taskId\` 指向
\`bpmn_task.id\`；学生用 \`studentId\` 指向 \`student.id\`；单位用 \`orgUnitId\`/\`schoolId\` 指向 \`org_unit.id\`，
\`path\`/\`orgUnitPath\` 是从县到该单位的代码路径；用户用 \`userId\`/\`startedBy\`/\`completedBy\` 等指向 \`app_user.id\`。

## English

Everything of this county in the kcbx platform, exported at one moment (one database snapshot), readable and
portable without the platform:

- \`manifest.json\`: the inventory — county, time, version, the schema's migrations, rows per table, every form and
  procedure file, every attachment's path, size and SHA-256. Check an export's completeness against it.
- \`tables/<table>.json\`: the table's rows of this county as one JSON array of objects, keys the database's column
  names; JSON columns (form \`data\`, variable \`value\`, …) keep the stored JSON text. Times are ISO 8601 (UTC) text or
  epoch milliseconds.
- \`tables/<table>.csv\`: the same rows, UTF-8 with a BOM (Excel shows Chinese correctly), comma-separated, CRLF,
  quoted per RFC 4180; text starting with = + @ or - (before a non-digit) gets a leading apostrophe so a spreadsheet
  does not run it as a formula (the JSON files hold the value as stored).
- \`forms/<key>/v<version>.form.json\`: every published form version (JSON Schema + layout).
- \`procedures/<key>/v<version>.bpmn\`: every deployed procedure version (BPMN 2.0 XML, opens in any BPMN tool).
- \`cases/<instance id>.json\`: one file per case (procedure instance): the instance and its steps, history events,
  submitted forms, comments, attachments, variables, incidents and student link — the rows of tables/, gathered by case.
- \`attachments/<attachment id>/<original name>\`: the files; \`tables/attachment.csv\` is their index.

Links: \`tenantId\` is this county everywhere; case tables point to \`bpmn_instance.id\` by \`instanceId\`, steps by
\`taskId\`; \`studentId\` → \`student.id\`; \`orgUnitId\`/\`schoolId\` → \`org_unit.id\`, \`path\`/\`orgUnitPath\` the
codes from the county down; \`userId\`, \`startedBy\`, \`completedBy\`, … → \`app_user.id\`.

## 表 / tables

| 表 table | 行 rows | 内容 | contents |
| --- | --- | --- | --- |
${tables}

表单 forms: ${m.forms.length} · 流程 procedures: ${m.procedures.length} · 案件 cases: ${m.cases} · 附件 attachments: ${m.attachments.length}${
    m.missingAttachments.length
      ? ` · **缺失的附件文件 missing attachment files: ${m.missingAttachments.length}**（见 see manifest.json）`
      : ''
  }

## 未导出 / not exported

${notExported}
`;
}
