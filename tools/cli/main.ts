import type { Command } from './command';
import { backupCommand } from './commands/backup';
import { createAdminCommand } from './commands/create-admin';
import { deployCommand } from './commands/deploy';
import { xuejiWorkerCommand } from './commands/xueji-worker';
import { exportCommand } from './commands/export';
import { exportDataCommand } from './commands/export-data';
import { importCommand } from './commands/import';
import { loginCommand } from './commands/login';
import { newCountyCommand } from './commands/new-county';
import { restoreCommand } from './commands/restore';
import { seedCommand } from './commands/seed';
import { validateCommand } from './commands/validate';
import { CliError, EXIT } from './errors';
import { ApiError } from './http/api-client';
import { formatServerDetail } from './http/server-options';
import type { Io } from './io';

/** Every command, in the order the help lists them. */
export const COMMANDS: Command[] = [
  validateCommand,
  deployCommand,
  xuejiWorkerCommand,
  exportCommand,
  importCommand,
  seedCommand,
  newCountyCommand,
  createAdminCommand,
  backupCommand,
  restoreCommand,
  exportDataCommand,
  loginCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary.zh}\n  ${' '.repeat(width)}  ${c.summary.en}`);
  return [
    '控辍保学平台命令行工具 / kcbx command-line tools',
    '',
    '用法 / usage: npm run tools -- <命令 command> [参数 arguments]',
    '',
    '命令 / commands:',
    ...lines,
    '',
    '查看某个命令的说明 / help on one command: npm run tools -- <command> --help',
    '连接服务器的命令读取 --url、--token，或环境变量 KCBX_URL、KCBX_TOKEN。',
    'Commands that talk to a server take --url and --token, or KCBX_URL and KCBX_TOKEN.',
  ].join('\n');
}

function commandHelp(c: Command): string {
  return [`用法 / usage: npm run tools -- ${c.usage}`, '', c.help.zh, '', c.help.en].join('\n');
}

/** Runs one command line; returns the exit code (never calls process.exit, so tests can run it). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const wanted = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(wanted ? commandHelp(wanted) : overview());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`未知命令“${name}” / unknown command "${name}"\n`);
    io.err(overview());
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`错误：${error.zh}\nerror: ${error.en}`);
      if (error instanceof ApiError) for (const d of error.details) io.err(`  ${formatServerDetail(d)}`);
      return error.exitCode;
    }
    throw error;
  }
}
