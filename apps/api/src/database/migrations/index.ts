import { Foundation1732800000000 } from './1732800000000-foundation';
import { Students1732800001000 } from './1732800001000-students';
import { Attachments1732800002000 } from './1732800002000-attachments';
import { Registers1732800003000 } from './1732800003000-registers';
import { Comparisons1732800004000 } from './1732800004000-comparisons';
import { Ledgers1732800005000 } from './1732800005000-ledgers';
import { Forms1732800006000 } from './1732800006000-forms';
import {
  DecisionTable1733610000000,
  EngineTables1732900000000,
  ExternalJobTopic1733840000000,
  LeanerEngineIndexes1733940000000,
  SubscriptionKind1733510000000,
} from '@kcbx/engine-store-typeorm';
import { WorkflowCases1733200000000 } from './1733200000000-workflow-cases';
import { NotificationByTask1733300000000 } from './1733300000000-notification-by-task';
import { FormDrafts1733100000000 } from './1733100000000-form-drafts';
import { DropoutPromotion1733400000000 } from './1733400000000-dropout-promotion';
import { CalendarYears1733500000000 } from './1733500000000-calendar-years';
import { TaskCandidates1733600000000 } from './1733600000000-task-candidates';
import { Sessions1733620000000 } from './1733620000000-sessions';
import { LedgerSecondLayer1733650000000 } from './1733650000000-ledger-second-layer';
import { NotificationOutbox1733720000000 } from './1733720000000-notification-outbox';
import { ApprovalVerbs1733750000000 } from './1733750000000-approval-verbs';
import { VisitAssignments1733810000000 } from './1733810000000-visit-assignments';
import { ReportSignOffs1733820000000 } from './1733820000000-report-sign-offs';
import { ApiKeys1733840001000 } from './1733840001000-api-keys';
import { RetentionRun1733860000000 } from './1733860000000-retention-run';
import { InboxReads1733900000000 } from './1733900000000-inbox-reads';
import { InboxKeyset1733930000000 } from './1733930000000-inbox-keyset';
import { NarrowOpenTaskIndexes1733940001000 } from './1733940001000-narrow-open-task-indexes';

/** In order. Each is hand-written and dialect-neutral (TypeORM Table API); synchronize is never on. */
export const MIGRATIONS = [
  Foundation1732800000000,
  Students1732800001000,
  Attachments1732800002000,
  Registers1732800003000,
  Comparisons1732800004000,
  Ledgers1732800005000,
  Forms1732800006000,
  EngineTables1732900000000,
  FormDrafts1733100000000,
  WorkflowCases1733200000000,
  NotificationByTask1733300000000,
  DropoutPromotion1733400000000,
  CalendarYears1733500000000,
  SubscriptionKind1733510000000,
  TaskCandidates1733600000000,
  DecisionTable1733610000000,
  Sessions1733620000000,
  LedgerSecondLayer1733650000000,
  NotificationOutbox1733720000000,
  ApprovalVerbs1733750000000,
  VisitAssignments1733810000000,
  ReportSignOffs1733820000000,
  ExternalJobTopic1733840000000,
  ApiKeys1733840001000,
  RetentionRun1733860000000,
  InboxReads1733900000000,
  InboxKeyset1733930000000,
  LeanerEngineIndexes1733940000000,
  NarrowOpenTaskIndexes1733940001000,
];
