import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { CalendarModule } from './calendar/calendar.module';
import { CaseFileModule } from './case-file/case-file.module';
import { ComparisonModule } from './comparison/comparison.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { CountyPackageModule } from './county-package/county-package.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ExternalTasksModule } from './external-tasks/external-tasks.module';
import { DatabaseModule } from './database/database.module';
import { FirstAdminModule } from './first-admin/first-admin.module';
import { FormsDesignModule } from './forms-design/forms-design.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { ImportsModule } from './imports/imports.module';
import { LedgersModule } from './ledgers/ledgers.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrgModule } from './org/org.module';
import { RectificationModule } from './rectification/rectification.module';
import { RegionsModule } from './regions/regions.module';
import { RegistersModule } from './registers/registers.module';
import { ReportsModule } from './reports/reports.module';
import { StartupModule } from './startup/startup.module';
import { StudentsModule } from './students/students.module';
import { VisitAssignmentsModule } from './visit-assignments/visit-assignments.module';
import { WorkflowModule } from './workflow/workflow.module';

/**
 * The whole server: infrastructure (configuration, database, logging), then one module per feature. Each
 * feature module lists what it provides and exports; which folder may import which is the layer test
 * (tools/lint/api-layers.spec.ts, ARCHITECTURE.md "Layers").
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // Request lines are info: at a quieter level pino-http would build and drop one per request.
            autoLogging: ['trace', 'debug', 'info'].includes(config.logLevel) && {
              ignore: (req) => (req.url ?? '').startsWith('/api/health'),
            },
          },
        }),
        AppConfigModule.forRoot(config),
        DatabaseModule.forRoot(config),
        StartupModule,
        FirstAdminModule,
        MonitoringModule.forRoot(config),
        HealthModule,
        IdentityModule,
        OrgModule,
        ImportsModule,
        AuditModule,
        RegionsModule,
        StudentsModule,
        AttachmentsModule,
        RegistersModule,
        ComparisonModule,
        LedgersModule,
        VisitAssignmentsModule,
        DashboardModule,
        ReportsModule,
        RectificationModule,
        WorkflowModule,
        ExternalTasksModule,
        NotificationsModule,
        CountyPackageModule,
        FormsDesignModule,
        CaseFileModule,
        CalendarModule,
      ],
    };
  }
}
