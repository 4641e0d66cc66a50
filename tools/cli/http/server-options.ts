import { type ParsedArgs, stringOption } from '../args';
import { CliError } from '../errors';
import type { Io } from '../io';
import { ApiClient } from './api-client';

export const SERVER_OPTIONS = ['url', 'token'];

export const SERVER_HELP = {
  zh: '--url <地址>（或环境变量 KCBX_URL，例如 http://localhost:3000）；--token <令牌>（或 KCBX_TOKEN；用 login 命令获取）。',
  en: '--url <address> (or KCBX_URL, e.g. http://localhost:3000); --token <token> (or KCBX_TOKEN; get one with the login command).',
};

/** The server a command talks to: --url/--token, else KCBX_URL/KCBX_TOKEN. */
export function serverClient(args: ParsedArgs, io: Io, needToken = true): ApiClient {
  const url = stringOption(args, 'url') ?? io.env.KCBX_URL;
  const token = stringOption(args, 'token') ?? io.env.KCBX_TOKEN;
  if (!url) throw new CliError('请用 --url 或环境变量 KCBX_URL 指定服务器地址', 'name the server with --url or KCBX_URL');
  if (!/^https?:\/\//.test(url))
    throw new CliError(`服务器地址须以 http:// 或 https:// 开头：${url}`, `the server address must start with http:// or https://: ${url}`);
  if (needToken && !token) {
    throw new CliError(
      '请用 --token 或环境变量 KCBX_TOKEN 提供登录令牌（可用 login 命令获取）',
      'give an access token with --token or KCBX_TOKEN (the login command prints one)',
    );
  }
  return new ApiClient(url, token);
}

/** One line per problem the server listed (deployment and package problems share this shape). */
export function formatServerDetail(d: unknown): string {
  if (!d || typeof d !== 'object') return String(d);
  const x = d as {
    resource?: string;
    section?: string;
    item?: string;
    line?: number;
    elementId?: string;
    field?: string;
    message?: string;
  };
  const where = [x.resource ?? (x.section ? `${x.section}/${x.item ?? ''}` : x.field), x.line]
    .filter((v) => v !== undefined && v !== '')
    .join(':');
  return `${where}${x.elementId ? ` (${x.elementId})` : ''} ${x.message ?? JSON.stringify(d)}`.trim();
}
