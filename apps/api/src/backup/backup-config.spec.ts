import { ConfigError } from '../config/app-config';
import { loadBackupSchedule } from './backup-config';

describe('scheduled backup settings', () => {
  it('are off without BACKUP_DIR', () => {
    expect(loadBackupSchedule({})).toBeNull();
  });

  it('default to 02:30 and 14 kept', () => {
    expect(loadBackupSchedule({ BACKUP_DIR: '/var/backups/kcbx' })).toEqual({ dir: '/var/backups/kcbx', hour: 2, minute: 30, keep: 14 });
  });

  it('name every bad setting', () => {
    const bad = () => loadBackupSchedule({ BACKUP_DIR: '/b', BACKUP_DAILY_AT: '25:00', BACKUP_KEEP: '0' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/BACKUP_DAILY_AT[\s\S]*BACKUP_KEEP/);
  });
});
