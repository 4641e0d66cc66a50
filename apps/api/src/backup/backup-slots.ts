import type { BackupSchedule } from './backup-config';

const NAME = /^kcbx-(\d{8})-(\d{4})\.tar\.gz$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The scheduled backup `now` should have: today's at the set time once it has passed, else yesterday's — so a server
 * that was down at 02:30 takes the missed one when it comes back, once. Named by its slot in local time, so every
 * process (and a restart) agrees whether it exists.
 */
export function dueSlotName(schedule: Pick<BackupSchedule, 'hour' | 'minute'>, now: Date): string {
  const slot = new Date(now.getFullYear(), now.getMonth(), now.getDate(), schedule.hour, schedule.minute);
  if (slot.getTime() > now.getTime()) slot.setDate(slot.getDate() - 1);
  return `kcbx-${slot.getFullYear()}${pad(slot.getMonth() + 1)}${pad(slot.getDate())}-${pad(slot.getHours())}${pad(slot.getMinutes())}.tar.gz`;
}

/** Scheduled backups beyond the newest `keep`; files not named like ours are never touched. */
export function beyondRetention(names: string[], keep: number): string[] {
  return names
    .filter((n) => NAME.test(n))
    .sort()
    .reverse()
    .slice(keep);
}
