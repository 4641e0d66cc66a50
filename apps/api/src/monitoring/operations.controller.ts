import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BackupScheduler } from '../backup/backup-scheduler';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import type { Principal } from '../identity/principal';
import { MONITORING_CONFIG, MonitoringConfig } from './monitoring-config';
import { OperationsRepository } from './operations.repository';
import { monitoringSignals } from './signals';

/** What a county administrator needs to see of the machinery: stuck or failed jobs, failing notifications, backups. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/operations')
export class OperationsController {
  constructor(
    private readonly repo: OperationsRepository,
    @Inject(MONITORING_CONFIG) private readonly config: MonitoringConfig,
    @Optional() private readonly backups?: BackupScheduler,
  ) {}

  @Get()
  @RequirePermission('admin')
  @ApiOperation({ summary: "The county's overdue and failed jobs, failing notifications and the backup status / 运行状况" })
  async overview(@CurrentUser() p: Principal) {
    const now = Date.now();
    const jobs = await this.repo.problemJobs(p.tenantId, now, this.config.jobOverdueAfterMs);
    return {
      jobs: jobs.map((j) => ({
        id: j.id,
        kind: j.kind,
        instanceId: j.instanceId,
        activityId: j.activityId,
        dueAt: new Date(j.dueAt).toISOString(),
        retries: j.retries,
        problem: j.retries <= 0 ? 'failed' : 'overdue',
        lastError: j.lastError,
      })),
      failedNotifications: monitoringSignals.recentFailures(p.tenantId),
      backup: this.backups?.status() ?? null,
    };
  }
}
