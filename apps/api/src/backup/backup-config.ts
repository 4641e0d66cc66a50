import * as path from 'path';
import { z } from 'zod';
import { ConfigError } from '../config/app-config';

/**
 * Scheduled backups, read once at start like config/app-config.ts. Off unless BACKUP_DIR is set. A backup a day at
 * BACKUP_DAILY_AT (the server's local time: TZ=Asia/Shanghai in the deployment guide), the newest BACKUP_KEEP kept.
 */
const schema = z.object({
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_DAILY_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (24-hour, server local time), e.g. 02:30')
    .default('02:30'),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(366).default(14),
});

export interface BackupSchedule {
  dir: string;
  hour: number;
  minute: number;
  keep: number;
}

export function loadBackupSchedule(env: NodeJS.ProcessEnv = process.env): BackupSchedule | null {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration / 配置无效:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (!c.BACKUP_DIR) return null;
  const [hour, minute] = c.BACKUP_DAILY_AT.split(':').map(Number);
  return { dir: path.resolve(c.BACKUP_DIR), hour, minute, keep: c.BACKUP_KEEP };
}
