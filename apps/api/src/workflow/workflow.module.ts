import { DecisionsController } from './decisions.controller';
import { DecisionsRepository } from './decisions.repository';
import { InstanceMigrationRepository } from './instance-migration.repository';
import { InstanceMigrationController } from './instance-migration.controller';
import { InstanceMigrationService } from './instance-migration.service';
import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { IdentityModule } from '../identity/identity.module';
import { LedgersModule } from '../ledgers/ledgers.module';
import { RetentionModule } from '../retention/retention.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { StudentsModule } from '../students/students.module';
import { DeploymentsService } from './deployments.service';
import { FormsService } from './forms.service';
import { InstanceLinksService } from './instance-links.service';
import { InstancesController } from './instances.controller';
import { JobWorker } from './job-worker';
import { ProcessesService } from './processes.service';
import { SignalsController } from './signals.controller';
import { StartService } from './start.service';
import { TaskActionsService } from './task-actions.service';
import { TaskAttachmentsService } from './task-attachments.service';
import { TaskCommentsService } from './task-comments.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { WorkflowController } from './workflow.controller';
import { ApprovalVerbsController } from './approval-verbs.controller';
import { ApprovalVerbsService } from './approval-verbs.service';
import { Reminders } from './reminders';
import { CaseActionsRepository } from './case-actions.repository';
import { RemindersRepository } from './reminders.repository';
import { CopiesRepository } from './task-copies.repository';
import { SignersRepository } from './task-signers.repository';
import { TaskCopies } from './task-copies';
import { TaskSigners } from './task-signers';
import { CaseAttachmentsRepository } from './case-attachments.repository';
import { SubmissionsRepository } from './form-submissions.repository';
import { FormsRepository } from './forms.repository';
import { InboxCasesRepository } from './inbox-cases.repository';
import { InstanceLinksRepository } from './instance-links.repository';
import { ProcessesRepository } from './processes.repository';
import { CommentsRepository } from './task-comments.repository';
import { InboxRepository } from './task-inbox.repository';

/** Procedures: deploying them, starting cases, the inbox and task work, case timelines, and the job poller. */
@Module({
  imports: [EngineModule, IdentityModule, StudentsModule, LedgersModule, NotificationsModule, RetentionModule],
  controllers: [
    WorkflowController,
    SignalsController,
    ApprovalVerbsController,
    TasksController,
    InstancesController,
    InstanceMigrationController,
    DecisionsController,
  ],
  providers: [
    InstanceMigrationService,
    DecisionsRepository,
    InstanceMigrationRepository,
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
    TaskSigners,
    TaskCopies,
    ApprovalVerbsService,
    Reminders,
    CaseActionsRepository,
    SignersRepository,
    CopiesRepository,
    RemindersRepository,
    CaseAttachmentsRepository,
    SubmissionsRepository,
    FormsRepository,
    InboxCasesRepository,
    InstanceLinksRepository,
    ProcessesRepository,
    CommentsRepository,
    InboxRepository,
  ],
  exports: [
    FormsService,
    DeploymentsService,
    ProcessesService,
    TasksService,
    InstanceLinksService,
    StartService,
    JobWorker,
    // the student file's reads of a case's attachments and remarks
    CaseAttachmentsRepository,
    CommentsRepository,
    // the county package's export of the decision tables
    DecisionsRepository,
  ],
})
export class WorkflowModule {}
