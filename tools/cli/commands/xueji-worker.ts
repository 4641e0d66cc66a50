import * as fs from 'fs';
import { parseArgs, stringOption } from '../args';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import { ApiClient } from '../http/api-client';
import { workOneRound } from '../worker/xueji-worker';

export const xuejiWorkerCommand: Command = {
  name: 'xueji-worker',
  summary: {
    zh: '外部处理程序示例：按学籍系统导出的文件核验学籍（外部任务主题 xueji-verify）',
    en: 'example external worker: checks registrations against the 学籍 system’s exported files (topic xueji-verify)',
  },
  usage: 'xueji-worker --url <地址> --api-key <密钥> --drop <目录> [--worker-id <标识>] [--once] [--interval <毫秒>]',
  help: {
    zh: `领取本县流程中 camunda:topic="xueji-verify" 的外部任务，到 --drop 目录中学籍系统导出的 CSV（列：姓名、身份证号、
学籍状态）查找该生：找到则完成任务（matches 表示姓名是否一致，另带 xuejiStatus）；找不到则抛出业务错误
NOT_REGISTERED（由流程转学籍管理员更正）；文件读不了则报告失败，一分钟后重试。
密钥由县管理员在 POST /api/admin/api-keys 新建（--api-key 或环境变量 KCBX_API_KEY）。--once 只做一轮；
否则每隔 --interval 毫秒（默认 5000）领取一次，直到按 Ctrl+C。
示例：npm run tools -- xueji-worker --url http://localhost:3000 --api-key $KCBX_API_KEY --drop /srv/xueji-drop`,
    en: `Fetches the county's external tasks on topic "xueji-verify" and looks each child up in the CSV files the 学籍
system exports into --drop (columns 姓名, 身份证号, 学籍状态): found completes the task (matches: the name agrees;
xuejiStatus); not found throws the BPMN error NOT_REGISTERED (the model sends it to the registrar); an unreadable
drop reports a failure, retried in a minute. The key comes from POST /api/admin/api-keys (--api-key or
KCBX_API_KEY). --once runs one round; otherwise a round every --interval ms (default 5000) until Ctrl+C.`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { options: ['url', 'api-key', 'drop', 'worker-id', 'interval'], flags: ['once'] });
    const url = stringOption(args, 'url') ?? io.env.KCBX_URL;
    const apiKey = stringOption(args, 'api-key') ?? io.env.KCBX_API_KEY;
    const drop = stringOption(args, 'drop');
    if (!url) throw new CliError('请用 --url 或环境变量 KCBX_URL 指定服务器地址', 'name the server with --url or KCBX_URL');
    if (!apiKey)
      throw new CliError(
        '请用 --api-key 或环境变量 KCBX_API_KEY 提供县管理员新建的密钥',
        'give the API key with --api-key or KCBX_API_KEY',
      );
    if (!drop || !fs.existsSync(drop))
      throw new CliError(`学籍文件目录不存在：${drop ?? '（未指定 --drop）'}`, `no 学籍 drop folder: ${drop ?? '(no --drop)'}`);
    const client = new ApiClient(url, undefined, apiKey);
    const workerId = stringOption(args, 'worker-id') ?? `xueji-worker-${process.pid}`;
    const interval = Number(stringOption(args, 'interval') ?? 5000);
    for (;;) {
      const r = await workOneRound(client, drop, workerId);
      if (r.fetched)
        io.out(
          `领取 ${r.fetched} 件：一致 ${r.matched}、姓名不一致 ${r.mismatched}、查无学籍 ${r.notRegistered}、失败 ${r.failed} / fetched ${r.fetched}: matched ${r.matched}, name differs ${r.mismatched}, not registered ${r.notRegistered}, failed ${r.failed}`,
        );
      if (args.options.once === true) return EXIT.ok;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  },
};
