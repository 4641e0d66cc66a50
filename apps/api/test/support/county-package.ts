import { packageDir, packageResources } from '../../src/seed/package-files';
import { JobWorker } from '../../src/workflow/job-worker';
import { bearer, TestApp } from './test-app';

/** Helpers for the package scenario suites: deploy a county's package and act as its demo users over HTTP. */
export const DAY = 24 * 3600 * 1000;

export interface TaskRow {
  id: string;
  activityId: string;
  instanceId: string;
  name: string;
  processKey: string;
  candidateGroups: string[];
  dueAt: string | null;
}

/** Deploys forms/ and workflows/ of the county's package (root = Xiji) as its policy designer. */
export async function deployPackage(t: TestApp, countyCode = '640422', designer = 'designer') {
  const res = await t
    .http()
    .post('/api/deployments')
    .set(bearer(await t.login(designer)))
    .send({ resources: packageResources(packageDir(countyCode)) });
  if (res.status !== 201) throw new Error(`deploy ${countyCode}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { processDefinitions: { key: string; version: number }[]; forms: { key: string }[] };
}

/** A user of a test app with their token, doing what the web app does. */
export class Actor {
  private constructor(
    private readonly t: TestApp,
    readonly username: string,
    private readonly token: string,
  ) {}

  static async as(t: TestApp, username: string) {
    return new Actor(t, username, await t.login(username));
  }

  get auth() {
    return bearer(this.token);
  }

  async inbox(): Promise<TaskRow[]> {
    const res = await this.t.http().get('/api/tasks?pageSize=100').set(this.auth).expect(200);
    return res.body.items;
  }

  /** The one open task of an instance at a step, as this user sees it in their inbox (fails when not there). */
  async task(instanceId: string, activityId: string): Promise<TaskRow> {
    const rows = (await this.inbox()).filter((r) => r.instanceId === instanceId && r.activityId === activityId);
    if (rows.length !== 1)
      throw new Error(
        `${this.username}: expected one "${activityId}" task of ${instanceId}, inbox has ${JSON.stringify((await this.inbox()).map((r) => [r.instanceId.slice(-6), r.activityId]))}`,
      );
    return rows[0];
  }

  /** GET /api/tasks/{id}: the task with what its form opens with (`formData`) */
  async taskDetail(taskId: string): Promise<{ formData: Record<string, unknown> }> {
    return (await this.t.http().get(`/api/tasks/${taskId}`).set(this.auth).expect(200)).body;
  }

  async sees(instanceId: string, activityId: string): Promise<boolean> {
    return (await this.inbox()).some((r) => r.instanceId === instanceId && r.activityId === activityId);
  }

  async complete(instanceId: string, activityId: string, data: Record<string, unknown>) {
    const task = await this.task(instanceId, activityId);
    const res = await this.t.http().post(`/api/tasks/${task.id}/complete`).set(this.auth).send({ data });
    if (res.status !== 201) throw new Error(`${this.username} completing ${activityId}: ${res.status} ${JSON.stringify(res.body)}`);
    await settle(this.t);
    return res.body;
  }

  async start(key: string, body: Record<string, unknown>) {
    const res = await this.t.http().post(`/api/process-definitions/key/${key}/start`).set(this.auth).send(body);
    if (res.status !== 201) throw new Error(`${this.username} starting ${key}: ${res.status} ${JSON.stringify(res.body)}`);
    await settle(this.t);
    return res.body as { id: string; state: string };
  }

  async instance(id: string) {
    return (await this.t.http().get(`/api/process-instances/${id}`).set(this.auth).expect(200)).body as {
      state: string;
      activeActivityIds: string[];
      variables: Record<string, unknown>;
      incidents: unknown[];
      history: { type: string; elementId?: string }[];
    };
  }

  /** Uploads a small PDF (as a scanned certificate would be) and returns the form value of a file field. */
  async upload(name: string, orgUnit: string) {
    const pdf = Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, 'utf8');
    const res = await this.t
      .http()
      .post(`/api/attachments?orgUnit=${orgUnit}`)
      .set(this.auth)
      .attach('file', pdf, { filename: name, contentType: 'application/pdf' });
    if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, name, size: pdf.length, type: 'application/pdf' };
  }

  async studentFile(studentId: string) {
    return (await this.t.http().get(`/api/students/${studentId}/file`).set(this.auth).expect(200)).body as {
      instances: { id: string; key: string; state: string; timeline: { type: string }[] }[];
      submissions: { formKey: string; activityId: string; data: Record<string, unknown> }[];
      decisions: { activityId: string; decision: string }[];
      attachments: { name: string }[];
    };
  }

  async get(url: string) {
    return (await this.t.http().get(url).set(this.auth).expect(200)).body;
  }
}

/**
 * Runs due jobs (service tasks, timers) until none is left, at `offsetMs` from now: how the suites move the
 * clock forward days at a time without waiting (the worker's `tick(now)` takes the time to run at).
 */
export async function settle(t: TestApp, offsetMs = 0): Promise<number> {
  let total = 0;
  for (let round = 0; round < 20; round++) {
    const { done } = await t.app.get(JobWorker).tick(Date.now() + offsetMs);
    total += done;
    if (done === 0) return total;
  }
  return total;
}

/** A demo student at a school (the first in the register), with id and name. */
export async function studentAt(actor: Actor, schoolCode: string, index = 0): Promise<{ id: string; name: string; idNumber: string }> {
  const list = await actor.get(`/api/students?orgUnit=${schoolCode}&pageSize=50`);
  const s = list.items[index];
  const full = await actor.get(`/api/students/${s.id}`);
  return { id: s.id, name: s.name, idNumber: full.idNumber };
}

export const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
