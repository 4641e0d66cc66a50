import type { Io } from '../io';
import type { ImportReport, Tally } from './county-package';

const SECTIONS: [keyof ImportReport, string, string][] = [
  ['orgUnits', '单位', 'org units'],
  ['roles', '角色', 'roles'],
  ['users', '用户', 'users'],
  ['forms', '表单', 'forms'],
  ['workflows', '流程', 'procedures'],
  ['visitAssignments', '包抓分工', 'visit assignments'],
];

/** What an import did (or, in a dry run, would do), section by section. */
export function printImportReport(io: Io, r: ImportReport): void {
  io.out(r.dryRun ? `预览（未做任何更改） / preview (nothing changed): ${r.county}` : `已导入 / imported: ${r.county}`);
  for (const [key, zh, en] of SECTIONS) {
    const t = r[key] as Tally | undefined;
    if (!t) continue; // a server from before the section
    io.out(`  ${zh} ${en}: 新增 created ${t.created}，更新 updated ${t.updated}，不变 unchanged ${t.unchanged}`);
  }
  if (r.users.withoutPassword.length > 0) {
    io.out(
      `  以下新用户尚无密码，须由管理员设置后才能登录 / new users without a password (an administrator must set one): ${r.users.withoutPassword.join(', ')}`,
    );
  }
  for (const p of r.problems) io.err(`${p.section}/${p.item}${p.line ? `:${p.line}` : ''} ${p.message}`);
}
