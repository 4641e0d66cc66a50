import { driveClerks, type Clerk } from '../load/clerks';
import { sampleCpu } from '../load/cpu-meter';
import { benchPostgresPids } from '../load/environment';

/** Task completion under the load bench's clerks, at one stage of the county (issue #19's fourth target). */
export interface CompletionFigure {
  clerks: number;
  seconds: number;
  completionsPerSec: number;
  p50: number;
  p95: number;
  /** CPU per completion (ms): the API process, and PostgreSQL's processes serving the bench database */
  apiCpuMs: number;
  postgresCpuMs: number | null;
  unexpected: number;
}

const WARM_UP_MS = 5_000;
const round = (x: number) => Math.round(x * 10) / 10;

/**
 * The clerks work as in `npm run bench -- api` (inbox → complete the step on top → start a case when empty), as fast
 * as answered, after a warm-up; the same clerks at every stage, at schools the history generator leaves quiet, so
 * each stage differs only in the history around them.
 */
export async function measureCompletions(
  clerks: Clerk[],
  seconds: number,
  apiPid: number,
  databaseUrl: string | null,
): Promise<CompletionFigure> {
  await driveClerks(clerks, WARM_UP_MS);
  const pgPids = databaseUrl ? await benchPostgresPids(databaseUrl) : [];
  const before = sampleCpu([apiPid], pgPids);
  const started = Date.now();
  const tally = await driveClerks(clerks, seconds * 1000);
  const elapsed = (Date.now() - started) / 1000;
  const after = sampleCpu([apiPid], pgPids);
  const c = tally.completions.summary();
  const per = (ms: number) => round(ms / Math.max(1, c.count));
  return {
    clerks: clerks.length,
    seconds: round(elapsed),
    completionsPerSec: round(c.count / elapsed),
    p50: c.p50,
    p95: c.p95,
    apiCpuMs: per(after.api - before.api),
    postgresCpuMs: databaseUrl ? per(after.postgresBench - before.postgresBench) : null,
    unexpected: tally.unexpected.length,
  };
}
