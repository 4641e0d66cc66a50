import type { ApiClient } from '../http/api-client';
import { readDrop } from './xueji-drop';

export const TOPIC = 'xueji-verify';

interface LockedTask {
  id: string;
  businessKey: string | null;
  variables: Record<string, unknown>;
}

export interface RoundReport {
  fetched: number;
  matched: number;
  mismatched: number;
  notRegistered: number;
  failed: number;
}

/**
 * One round of the example external worker (issue #18): fetch and lock the county's `xueji-verify` tasks, look each
 * child up in the 学籍 file drop, and answer — found: complete with `matches` (the name agrees) and the status the
 * 学籍 system holds; not in the drop: the BPMN error NOT_REGISTERED the model catches (学籍管理员更正); the drop cannot
 * be read: a failure with a retry in a minute, so nothing is decided on half a file.
 */
export async function workOneRound(client: ApiClient, drop: string, workerId: string, maxTasks = 20): Promise<RoundReport> {
  const report: RoundReport = { fetched: 0, matched: 0, mismatched: 0, notRegistered: 0, failed: 0 };
  const tasks = await client.post<LockedTask[]>('/external-tasks/fetch-and-lock', {
    workerId,
    maxTasks,
    topics: [{ topicName: TOPIC, lockDuration: 60_000 }],
  });
  report.fetched = tasks.length;
  if (!tasks.length) return report;
  let records: ReturnType<typeof readDrop>['byId'];
  try {
    records = readDrop(drop).byId;
  } catch (e) {
    for (const t of tasks) {
      await client.post(`/external-tasks/${t.id}/failure`, {
        workerId,
        errorMessage: `学籍文件读取失败 / the 学籍 drop could not be read: ${(e as Error).message}`,
        retries: 3,
        retryTimeout: 60_000,
      });
      report.failed++;
    }
    return report;
  }
  for (const t of tasks) {
    const idNumber = String(t.variables.idNumber ?? '').toUpperCase();
    const record = records.get(idNumber);
    if (!record) {
      await client.post(`/external-tasks/${t.id}/bpmn-error`, { workerId, errorCode: 'NOT_REGISTERED' });
      report.notRegistered++;
      continue;
    }
    const expected = typeof t.variables.name === 'string' ? t.variables.name : null;
    const matches = expected === null || expected === record.name;
    await client.post(`/external-tasks/${t.id}/complete`, {
      workerId,
      variables: { matches, xuejiName: record.name, xuejiStatus: record.status, xuejiFile: record.file },
    });
    if (matches) report.matched++;
    else report.mismatched++;
  }
  return report;
}
