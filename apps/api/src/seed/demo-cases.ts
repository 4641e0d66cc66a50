import { Injectable, Logger } from '@nestjs/common';
import { Engine } from '@kcbx/engine';
import { AttachmentsService } from '../attachments/attachments.service';
import type { Student } from '../database/entities';
import { Principal } from '../identity/principal';
import { PrincipalLoader } from '../identity/principal.loader';
import { LedgerCasesService } from '../ledgers/ledger-cases.service';
import { DeploymentsService } from '../workflow/deployments.service';
import { StartService } from '../workflow/start.service';
import { TasksService } from '../workflow/tasks.service';
import { DemoCountyRepository } from './demo-county.repository';
import { DEMO_STORIES, DemoStory } from './demo-stories';
import { packageDir, packageResources } from './package-files';

/**
 * Deploys a county's package and plays the demo stories through the same services the HTTP API uses
 * (starter roles, form validation, submissions, attachments, ledger links), as the demo users themselves.
 */
@Injectable()
export class DemoCasesSeeder {
  private readonly log = new Logger('seed');

  constructor(
    private readonly rows: DemoCountyRepository,
    private readonly engine: Engine,
    private readonly principals: PrincipalLoader,
    private readonly deployments: DeploymentsService,
    private readonly starts: StartService,
    private readonly tasks: TasksService,
    private readonly attachments: AttachmentsService,
    private readonly ledgerCases: LedgerCasesService,
  ) {}

  /** Deploys the county's forms and procedures (root package for the demo county) as its policy designer. */
  async deployPackage(tenantId: string, designer = 'designer'): Promise<void> {
    const tenant = await this.rows.countyById(tenantId);
    await this.deployments.deploy(await this.as(tenantId, designer), packageResources(packageDir(tenant.code)));
  }

  /** What the last seed did (read by the suite that guards start-up time and the stories' fit). */
  lastRun: { ms: number; played: number; skipped: string[] } | null = null;

  async seed(tenantId: string, stories: DemoStory[] = DEMO_STORIES): Promise<void> {
    const started = Date.now();
    try {
      await this.deployPackage(tenantId);
    } catch (err) {
      // e.g. an installation without the package folders: the county starts empty rather than not at all
      this.log.warn(`demo package not deployed: ${err instanceof Error ? err.message : String(err)}`);
      this.lastRun = { ms: Date.now() - started, played: 0, skipped: stories.map((s) => s.title) };
      return;
    }
    const skipped: string[] = [];
    for (const story of stories) {
      try {
        await this.play(tenantId, story);
      } catch (err) {
        // a story that no longer fits the package must not stop the server from starting
        skipped.push(`${story.title}: ${err instanceof Error ? err.message : String(err)}`);
        this.log.warn(`demo case "${story.title}" skipped: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    this.lastRun = { ms: Date.now() - started, played: stories.length - skipped.length, skipped };
    this.log.log(`demo cases: ${this.lastRun.played} of ${stories.length} stories in ${this.lastRun.ms} ms`);
  }

  private async play(tenantId: string, story: DemoStory): Promise<void> {
    const starter = await this.as(tenantId, story.starter);
    let instanceId: string;
    let student: Student | null = null;
    if (story.ledgerEntry !== undefined) {
      const entries = await this.rows.suspectedDropoutsAt(tenantId, story.orgUnit);
      const entry = entries[story.ledgerEntry];
      if (!entry) throw new Error(`no ledger entry ${story.ledgerEntry} at ${story.orgUnit}`);
      instanceId = (await this.ledgerCases.startPersuasion(starter, 'suspected-dropout', [entry.id])).started[0].instanceId;
    } else {
      student = story.student === undefined ? null : await this.studentAt(tenantId, story.orgUnit, story.student);
      const instance = await this.starts.start(
        starter,
        story.process,
        { orgUnit: story.orgUnit, studentId: student?.id, variables: story.variables },
        'zh',
      );
      instanceId = instance.id;
    }
    for (const step of story.steps) {
      const actor = await this.as(tenantId, step.as);
      const [task] = (await this.engine.listTasks({ tenantId, instanceId, state: 'created' })).filter(
        (t) => t.activityId === step.activity,
      );
      if (!task) throw new Error(`no open step ${step.activity}`);
      await this.tasks.complete(actor, task.id, await this.fill(actor, story.orgUnit, step.data, student), 'zh');
    }
  }

  /** Replaces `$student.*` placeholders and `{file}` markers (uploads a small PDF) in a step's data. */
  private async fill(actor: Principal, orgUnit: string, value: unknown, student: Student | null): Promise<unknown> {
    if (typeof value === 'string' && value.startsWith('$student.') && student) return student[value.slice(9) as keyof Student];
    if (Array.isArray(value)) return Promise.all(value.map((v) => this.fill(actor, orgUnit, v, student)));
    if (!value || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (typeof record.file === 'string' && Object.keys(record).length === 1) {
      const buffer = Buffer.from(`%PDF-1.4\n% ${record.file} (demo)\n%%EOF\n`, 'utf8');
      // multer hands names over as latin1; the service turns them back into UTF-8
      const a = await this.attachments.upload(
        actor,
        { originalname: Buffer.from(record.file, 'utf8').toString('latin1'), buffer, size: buffer.length },
        orgUnit,
      );
      return { id: a.id, name: a.name, size: a.size, type: 'application/pdf' };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = await this.fill(actor, orgUnit, v, student);
    return out;
  }

  private async studentAt(tenantId: string, schoolCode: string, index: number): Promise<Student> {
    const list = await this.rows.studentsAt(tenantId, schoolCode);
    if (!list[index]) throw new Error(`no demo student ${index} at ${schoolCode}`);
    return list[index];
  }

  private async as(tenantId: string, username: string): Promise<Principal> {
    const user = await this.rows.user(tenantId, username);
    const p = user ? await this.principals.load(user.id, tenantId) : null;
    if (!p) throw new Error(`demo user ${username} missing`);
    return p;
  }
}
