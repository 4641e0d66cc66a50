import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import * as fs from 'fs';
import * as path from 'path';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { BackupSchedule } from './backup-config';
import { withBackupLock } from './backup-lock.repository';
import { beyondRetention, dueSlotName } from './backup-slots';
import { takeBackup } from './backup.service';

export const BACKUP_SCHEDULE = Symbol('BACKUP_SCHEDULE');
const CHECK_EVERY_MS = 60_000;

export interface BackupStatus {
  lastFile: string | null;
  lastAt: string | null;
  lastError: string | null;
}

/**
 * The daily backup (BACKUP_DIR, BACKUP_DAILY_AT, BACKUP_KEEP): every process looks once a minute whether the due
 * slot's file exists; one of them (the backup lock) takes it, then removes scheduled backups beyond the newest
 * BACKUP_KEEP. A failure is logged and retried on the next look.
 */
@Injectable()
export class BackupScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('backup');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastError: string | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(BACKUP_SCHEDULE) private readonly schedule: BackupSchedule | null,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.schedule) return;
    this.timer = setInterval(() => void this.tick(), CHECK_EVERY_MS);
    this.timer.unref();
    void this.tick();
  }

  /** one look (tests call it with their own clock); the file it took, or null */
  async tick(now = new Date()): Promise<string | null> {
    const s = this.schedule;
    if (!s || this.running) return null;
    const file = path.join(s.dir, dueSlotName(s, now));
    if (fs.existsSync(file)) return null;
    let taken: string | null = null;
    this.running = (async () => {
      try {
        fs.mkdirSync(s.dir, { recursive: true });
        await withBackupLock(this.config, s.dir, async () => {
          if (fs.existsSync(file)) return; // another process took it while we waited
          const summary = await takeBackup(this.config, file);
          taken = file;
          this.lastError = null;
          this.log.log(`scheduled backup ${file} (${summary.bytes} bytes, ${summary.files} attachments)`);
          for (const old of beyondRetention(fs.readdirSync(s.dir), s.keep)) fs.rmSync(path.join(s.dir, old), { force: true });
        });
      } catch (err) {
        this.lastError = err instanceof Error ? err.message : String(err);
        this.log.error({ err }, 'scheduled backup failed');
      }
    })();
    await this.running;
    this.running = null;
    return taken;
  }

  /** what monitoring shows: the newest scheduled backup in BACKUP_DIR and this process's last failure */
  status(): BackupStatus | null {
    const s = this.schedule;
    if (!s) return null;
    const newest = fs.existsSync(s.dir) ? beyondRetention(fs.readdirSync(s.dir), 0)[0] : undefined;
    return {
      lastFile: newest ?? null,
      lastAt: newest ? fs.statSync(path.join(s.dir, newest)).mtime.toISOString() : null,
      lastError: this.lastError,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
