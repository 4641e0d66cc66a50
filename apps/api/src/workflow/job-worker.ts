import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Engine } from '@kcbx/engine';
import { randomUUID } from 'crypto';
import { hostname } from 'os';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { DropoutPromotion } from '../ledgers/dropout-promotion';
import { monitoringSignals } from '../monitoring/signals';
import { RetentionCleanup } from '../retention/retention-cleanup';
import { TaskNotifier } from '../notifications/task-notifier';
import { Reminders } from './reminders';

/** how far back the first round looks for tasks to announce (tasks made while no process was polling) */
const FIRST_LOOK_BACK_MS = 10 * 60_000;

/**
 * Fires due timers and runs async jobs, then announces tasks that appeared outside HTTP requests (timers,
 * escalations, ledger starts) and tasks that ran past their due date (the overdue detection), sends the steps'
 * deadline reminders (each once: reminders.ts), moves long-suspected
 * dropouts onto the dropout ledger, and once a day removes the runtime rows of cases finished longer ago than the
 * county's history retention (retention/retention-cleanup.ts). Every API process polls; the job table's row locks (SKIP LOCKED on
 * PostgreSQL) make each job run once, and a job whose process died is taken over when its lock expires.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('jobs');
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private announcedUpTo = Date.now() - FIRST_LOOK_BACK_MS;

  constructor(
    private readonly engine: Engine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifier: TaskNotifier,
    private readonly dropouts: DropoutPromotion,
    private readonly reminders: Reminders,
    private readonly retention: RetentionCleanup,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobPollMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.jobPollMs);
    this.timer.unref();
  }

  /** One polling round (also called directly by tests that control time). */
  async tick(now = Date.now()): Promise<{ done: number; failed: number }> {
    if (this.running) return { done: 0, failed: 0 };
    let result = { done: 0, failed: 0 };
    this.running = (async () => {
      try {
        result = await this.engine.executeDueJobs(now, this.owner);
        if (result.done || result.failed) this.log.log(`jobs: ${result.done} done, ${result.failed} failed`);
        // tasks carry the engine's (wall) clock, whatever `now` a test passes; one poll interval of overlap
        // loses none, and announcing twice is a no-op
        const wall = Date.now();
        await this.notifier.createdSince(this.announcedUpTo - Math.max(this.config.jobPollMs, 1000));
        this.announcedUpTo = wall;
        await this.notifier.overdue(now);
        await this.reminders.tick(now);
        await this.dropouts.whenDue(now);
        await this.retention.whenDue(now);
        monitoringSignals.jobWorkerRound();
      } catch (err) {
        this.log.error({ err }, 'job polling failed');
      }
    })();
    await this.running;
    this.running = null;
    return result;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
