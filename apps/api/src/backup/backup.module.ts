import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { loadBackupSchedule } from './backup-config';
import { BACKUP_SCHEDULE, BackupScheduler } from './backup-scheduler';

/** Scheduled backups inside the server; `npm run tools -- backup|restore` run the same code from backup-main/restore-main. */
@Module({})
export class BackupModule {
  static forRoot(config: AppConfig, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: BackupModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: BACKUP_SCHEDULE, useValue: loadBackupSchedule(env) },
        BackupScheduler,
      ],
      exports: [BackupScheduler],
    };
  }
}
