import { parseArgs, stringOption } from '../args';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import { serverClient } from '../http/server-options';

export const loginCommand: Command = {
  name: 'login',
  summary: {
    zh: '登录服务器，输出访问令牌（供 --token / KCBX_TOKEN 使用）',
    en: 'log in to a server and print an access token (for --token / KCBX_TOKEN)',
  },
  usage: 'login --url <地址 address> --username <用户名> [--password <密码>]',
  help: {
    zh: `登录并只把令牌打印到标准输出，便于：
  export KCBX_TOKEN=$(npm run -s tools -- login --url http://localhost:3000 --username admin)
密码取 --password，否则取环境变量 KCBX_PASSWORD（避免密码留在命令历史中）。令牌 30 分钟内有效。`,
    en: `Logs in and prints only the token on stdout, so that:
  export KCBX_TOKEN=$(npm run -s tools -- login --url http://localhost:3000 --username admin)
The password comes from --password, else KCBX_PASSWORD (keeps it out of the shell history). Tokens last 30 minutes.`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { options: ['url', 'username', 'password'] });
    const username = stringOption(args, 'username');
    const password = stringOption(args, 'password') ?? io.env.KCBX_PASSWORD;
    if (!username) throw new CliError('请用 --username 指定用户名', 'name the user with --username');
    if (!password)
      throw new CliError('请用 --password 或环境变量 KCBX_PASSWORD 提供密码', 'give the password with --password or KCBX_PASSWORD');
    const client = serverClient(args, io, false);
    const { accessToken } = await client.post<{ accessToken: string }>('/auth/login', { username, password });
    io.out(accessToken);
    return EXIT.ok;
  },
};
