import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditController } from './audit/audit.controller';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditService } from './audit/audit.service';
import { AppConfig, APP_CONFIG } from './config/app-config';
import { DatabaseBootstrap } from './database/database-bootstrap';
import { DbGate } from './database/db-gate';
import { dataSourceOptions } from './database/data-source';
import { HealthController } from './health/health.controller';
import { AuthController } from './identity/auth.controller';
import { AuthGuard } from './identity/auth.guard';
import { LoginService } from './identity/login.service';
import { PasswordService } from './identity/password.service';
import { PrincipalLoader } from './identity/principal.loader';
import { TokenService } from './identity/token.service';
import { DirectoryImportController } from './imports/directory-import.controller';
import { SpreadsheetRowsController } from './imports/spreadsheet-rows.controller';
import { DirectoryImportService } from './imports/directory-import.service';
import { OrgUnitsController } from './org/org-units.controller';
import { OrgUnitsService } from './org/org-units.service';
import { RolesController } from './org/roles.controller';
import { RoleCatalogueController } from './org/role-catalogue.controller';
import { RolesService } from './org/roles.service';
import { UsersController } from './org/users.controller';
import { UsersService } from './org/users.service';
import { RegionsController } from './regions/regions.controller';
import { StudentsController } from './students/students.controller';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { FILE_STORE, LocalDiskFileStore } from './attachments/file-store';
import * as path from 'path';
import { RegistersController } from './registers/registers.controller';
import { RegisterImportService } from './registers/register-import.service';
import { ComparisonsController } from './comparison/comparisons.controller';
import { ComparisonService } from './comparison/comparison.service';
import { LedgersController } from './ledgers/ledgers.controller';
import { LedgersService } from './ledgers/ledgers.service';
import { LedgerCasesService } from './ledgers/ledger-cases.service';
import { DropoutPromotion } from './ledgers/dropout-promotion';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardService } from './dashboard/dashboard.service';
import { DeploymentsService } from './workflow/deployments.service';
import { engineProvider, engineStoreProvider } from './workflow/engine.provider';
import { FormsService } from './workflow/forms.service';
import { JobWorker } from './workflow/job-worker';
import { ProcessesService } from './workflow/processes.service';
import { TasksService } from './workflow/tasks.service';
import { WorkflowController } from './workflow/workflow.controller';
import { TasksController } from './workflow/tasks.controller';
import { InstancesController } from './workflow/instances.controller';
import { InstanceLinksService } from './workflow/instance-links.service';
import { StartService } from './workflow/start.service';
import { TaskActionsService } from './workflow/task-actions.service';
import { TaskCommentsService } from './workflow/task-comments.service';
import { TaskAttachmentsService } from './workflow/task-attachments.service';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { InAppSender } from './notifications/in-app.sender';
import { TaskNotifier } from './notifications/task-notifier';
import { externalSendersProvider } from './notifications/senders.provider';
import { StudentFileService } from './students/student-file.service';
import { StudentsService } from './students/students.service';
import { CountyPackageController } from './county-package/county-package.controller';
import { PackageExportService } from './county-package/package-export.service';
import { PackageImportService } from './county-package/package-import.service';
import { PackageResources } from './county-package/package-resources';
import { DemoCasesSeeder } from './seed/demo-cases';
import { FormDesignController } from './forms-design/form-design.controller';
import { FormDraftsService } from './forms-design/form-drafts.service';
import { FormPublishingService } from './forms-design/form-publishing.service';
import { FirstAdminModule } from './first-admin/first-admin.module';
import { MonitoringModule } from './monitoring/monitoring.module';

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
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        FirstAdminModule,
        MonitoringModule.forRoot(config),
      ],
      controllers: [
        HealthController,
        AuthController,
        OrgUnitsController,
        RolesController,
        RoleCatalogueController,
        UsersController,
        DirectoryImportController,
        SpreadsheetRowsController,
        AuditController,
        RegionsController,
        StudentsController,
        AttachmentsController,
        RegistersController,
        ComparisonsController,
        LedgersController,
        DashboardController,
        WorkflowController,
        TasksController,
        InstancesController,
        NotificationsController,
        CountyPackageController,
        FormDesignController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: FILE_STORE, useValue: new LocalDiskFileStore(path.join(config.dataDir, 'files')) },
        { provide: DbGate, useValue: new DbGate(config.database.kind === 'sqlite') },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        DatabaseBootstrap,
        PasswordService,
        TokenService,
        PrincipalLoader,
        LoginService,
        OrgUnitsService,
        RolesService,
        UsersService,
        DirectoryImportService,
        AuditService,
        StudentsService,
        AttachmentsService,
        RegisterImportService,
        ComparisonService,
        LedgersService,
        LedgerCasesService,
        DropoutPromotion,
        DashboardService,
        engineStoreProvider,
        engineProvider,
        JobWorker,
        FormsService,
        DeploymentsService,
        ProcessesService,
        TasksService,
        InstanceLinksService,
        StartService,
        TaskActionsService,
        TaskCommentsService,
        TaskAttachmentsService,
        NotificationsService,
        InAppSender,
        TaskNotifier,
        externalSendersProvider,
        StudentFileService,
        PackageExportService,
        PackageImportService,
        PackageResources,
        DemoCasesSeeder,
        FormDraftsService,
        FormPublishingService,
      ],
    };
  }
}
