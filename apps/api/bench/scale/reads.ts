import { sampleCpu } from '../load/cpu-meter';
import { expectStatus, request } from '../load/http-client';
import { Latencies } from '../load/latency';

/** One read the issue sets a target for, as a user of the county opens it. */
export interface Read {
  label: string;
  username: string;
  path: string;
  targetMs: number;
  samples: number;
}

export interface ReadFigure {
  label: string;
  path: string;
  targetMs: number;
  p50: number;
  p95: number;
  max: number;
  count: number;
  /** the API process's CPU time per call (ms): what the read costs, whatever else the shared machine is doing */
  apiCpuMs: number;
  /** the items the page showed or the total it reported: what the same read returned at this size */
  returned: string;
}

/** Logs each user in once; tokens are reused across the reads of a stage. */
export async function logins(base: string, usernames: string[], password: string): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const username of new Set(usernames)) {
    const r = await expectStatus(200, base, 'POST', '/api/auth/login', undefined, { username, password });
    tokens.set(username, (r.body as { accessToken: string }).accessToken);
  }
  return tokens;
}

function returned(body: unknown): string {
  if (typeof body === 'string') return `${body.length.toLocaleString('en')} bytes`;
  const b = body as { total?: number; items?: unknown[]; instances?: unknown[] };
  if (b?.instances) return `${b.instances.length} cases`;
  if (b?.items) return `${b.items.length} of ${b.total ?? '?'}`;
  return '';
}

/** Each read one after the other (one user at a time: latency, not throughput), after two unmeasured calls. */
export async function measureReads(base: string, apiPid: number, tokens: Map<string, string>, reads: Read[]): Promise<ReadFigure[]> {
  const figures: ReadFigure[] = [];
  for (const read of reads) {
    const token = tokens.get(read.username)!;
    const lat = new Latencies();
    let last: unknown = null;
    let cpuBefore = 0;
    for (let i = 0; i < read.samples + 2; i++) {
      if (i === 2) cpuBefore = sampleCpu([apiPid]).api;
      const r = await request(base, 'GET', read.path, token);
      if (r.status !== 200) throw new Error(`${read.label}: GET ${read.path} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      if (i >= 2) lat.add(r.ms);
      last = r.body;
    }
    const apiCpuMs = Math.round(((sampleCpu([apiPid]).api - cpuBefore) / read.samples) * 10) / 10;
    const s = lat.summary();
    figures.push({
      label: read.label,
      path: read.path,
      targetMs: read.targetMs,
      p50: s.p50,
      p95: s.p95,
      max: s.max,
      count: s.count,
      apiCpuMs,
      returned: returned(last),
    });
  }
  return figures;
}
