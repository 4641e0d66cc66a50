import { expectStatus, request } from './http-client';
import { Latencies } from './latency';

/**
 * 50 simulated class teachers, each at a school of their own, each working like a clerk does: open the
 * inbox, take the step on top, submit its form; when the inbox is empty, start the next case.
 */
export const CLERK_ROLE = 'class-teacher';
export const PROCESS_KEY = 'load-approval';
export const STEPS_PER_CASE = 3;

export interface Clerk {
  username: string;
  unitCode: string;
  token: string;
  base: string;
}

export interface ClerkTally {
  completions: Latencies;
  inbox: Latencies;
  starts: Latencies;
  /** Task ids this run completed with a 200: a repeat would be a duplicated step. */
  completedTaskIds: string[];
  startedInstanceIds: string[];
  unexpected: string[];
}

export function newTally(): ClerkTally {
  return {
    completions: new Latencies(),
    inbox: new Latencies(),
    starts: new Latencies(),
    completedTaskIds: [],
    startedInstanceIds: [],
    unexpected: [],
  };
}

function stepData(n: number) {
  return {
    visitDate: '2026-11-29',
    guardianPhone: '13800138000',
    summary: `第${n}次办理：已与监护人联系`,
    decision: n % 2 ? 'continue' : 'close',
  };
}

/**
 * Without `pace`, a clerk acts again the moment an answer arrives: the server's ceiling. With `pace`, each of
 * its completions has a slot `everyMs` apart (a clerk working at a steady rate), so the offered load is fixed
 * and the latency is that of a server doing that much work, not of one saturated by fifty impatient clerks.
 */
export async function runClerk(
  clerk: Clerk,
  until: number,
  tally: ClerkTally,
  pace?: { everyMs: number; offsetMs: number },
): Promise<void> {
  let n = 0;
  let slot = Date.now() + (pace?.offsetMs ?? 0);
  while (Date.now() < until) {
    if (pace) {
      const wait = slot - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (Date.now() >= until) break;
    }
    const inbox = await request(clerk.base, 'GET', '/api/tasks?scope=all&pageSize=5', clerk.token);
    tally.inbox.add(inbox.ms);
    if (inbox.status !== 200) {
      tally.unexpected.push(`inbox ${inbox.status}`);
      continue;
    }
    const items = (inbox.body as { items: { id: string }[] }).items;
    if (items.length === 0) {
      const started = await request(clerk.base, 'POST', `/api/process-definitions/key/${PROCESS_KEY}/start`, clerk.token, {
        orgUnit: clerk.unitCode,
      });
      tally.starts.add(started.ms);
      if (started.status === 201) tally.startedInstanceIds.push((started.body as { id: string }).id);
      else tally.unexpected.push(`start ${started.status}`);
      continue;
    }
    const done = await request(clerk.base, 'POST', `/api/tasks/${items[0].id}/complete`, clerk.token, { data: stepData(++n) });
    if (done.status === 200 || done.status === 201) {
      tally.completions.add(done.ms);
      tally.completedTaskIds.push(items[0].id);
    } else {
      tally.unexpected.push(`complete ${done.status} ${JSON.stringify(done.body).slice(0, 200)}`);
    }
    if (pace) slot += pace.everyMs;
  }
}

/** One school per clerk under a real township, and a class teacher there; returns them logged in. */
export async function createClerks(
  bases: string[],
  adminToken: string,
  township: string,
  count: number,
  password: string,
  prefix = 'load-clerk',
): Promise<Clerk[]> {
  const created: Pick<Clerk, 'username' | 'unitCode'>[] = [];
  for (let i = 0; i < count; i++) {
    const unitCode = `${township}${String(50 + i).padStart(2, '0')}`;
    await expectStatus(201, bases[0], 'POST', '/api/admin/org-units', adminToken, {
      code: unitCode,
      name: `压测学校${i + 1}（演示）`,
      kind: 'school',
      parentCode: township,
    });
    const username = `${prefix}-${i + 1}`;
    await expectStatus(201, bases[0], 'POST', '/api/admin/users', adminToken, {
      username,
      password,
      displayName: `压测班主任${i + 1}`,
      roles: [{ role: CLERK_ROLE, orgUnit: unitCode }],
    });
    created.push({ username, unitCode });
  }
  return loginClerks(bases, created, password);
}

/** Logs clerks in, spread over the API processes (again after a restart: a token is a process's answer). */
export async function loginClerks(bases: string[], clerks: Pick<Clerk, 'username' | 'unitCode'>[], password: string): Promise<Clerk[]> {
  const out: Clerk[] = [];
  for (const [i, { username, unitCode }] of clerks.entries()) {
    const base = bases[i % bases.length];
    const login = await expectStatus(200, base, 'POST', '/api/auth/login', undefined, { username, password });
    out.push({ username, unitCode, base, token: (login.body as { accessToken: string }).accessToken });
  }
  return out;
}

/** `perSecond`: the completions per second the clerks together offer (paced); without it, as fast as answered. */
export async function driveClerks(clerks: Clerk[], ms: number, perSecond?: number): Promise<ClerkTally> {
  const tally = newTally();
  const until = Date.now() + ms;
  const everyMs = perSecond ? (1000 * clerks.length) / perSecond : 0;
  // Paced clerks start spread over one interval, as people's work is, rather than all in the same millisecond.
  await Promise.all(
    clerks.map((c, i) => runClerk(c, until, tally, perSecond ? { everyMs, offsetMs: (everyMs * i) / clerks.length } : undefined)),
  );
  return tally;
}
