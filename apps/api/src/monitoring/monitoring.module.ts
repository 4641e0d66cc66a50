import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { BackupModule } from '../backup/backup.module';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { MetricsService } from './metrics.service';
import { loadMonitoringConfig, MONITORING_CONFIG } from './monitoring-config';
import { MonitoringController } from './monitoring.controller';
import { OperationsController } from './operations.controller';
import { OperationsRepository } from './operations.repository';
import { ReadinessService } from './readiness.service';

/** Readiness (/api/health/ready), Prometheus metrics (/api/metrics) and the admin's operations view. */
@Module({})
export class MonitoringModule implements NestModule {
  constructor(private readonly metrics: MetricsService) {}

  static forRoot(config: AppConfig, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: MonitoringModule,
      imports: [BackupModule.forRoot(config, env)],
      controllers: [MonitoringController, OperationsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: MONITORING_CONFIG, useValue: loadMonitoringConfig(env) },
        OperationsRepository,
        ReadinessService,
        MetricsService,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.metrics.http.middleware).forRoutes('*');
  }
}
