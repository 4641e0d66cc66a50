/**
 * The plain text a production server prints at start while nobody can log in: no county in the database yet,
 * or counties without an administrator. Production never seeds the demo county; these are the three commands
 * that make a county's own installation (docs/deploy/zh-CN.md, "第一次启动").
 */
export function firstStartNotice(anyCounty: boolean, withoutAdmin: { code: string; name: string }[]): string | null {
  if (anyCounty && withoutAdmin.length === 0) return null;
  const lines: string[] = [''];
  if (!anyCounty) {
    lines.push(
      '数据库中还没有任何县，没有人能登录。生产模式不会装入演示县（西吉县）。请在服务器上的项目目录中，用与服务相同的',
      'DATABASE_URL / DATA_DIR 依次运行：',
      'The database has no county yet, so nobody can log in. Production mode does not load the demo county. In the project',
      'folder on the server, with the same DATABASE_URL / DATA_DIR as the service, run:',
      '',
      '  npm run tools -- new-county --code <县代码 county code>      # 仓库中还没有 counties/<代码>/ 时 / when counties/<code>/ is missing',
      '  npm run tools -- seed --county <县代码> --database',
      '  npm run tools -- create-admin --county <县代码> --username <用户名> --database   # 密码在提示时输入 / password at the prompt',
    );
  } else {
    for (const c of withoutAdmin) {
      lines.push(
        `县 ${c.code}（${c.name}）还没有系统管理员，没有人能管理它。请运行 / County ${c.code} (${c.name}) has no administrator yet; run:`,
        `  npm run tools -- create-admin --county ${c.code} --username <用户名 username> --database`,
      );
    }
  }
  lines.push('部署指南 / deployment guide: docs/deploy/zh-CN.md (English: docs/deploy/en.md)', '');
  return lines.join('\n');
}
