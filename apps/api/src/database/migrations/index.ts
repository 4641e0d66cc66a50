import { Foundation1732800000000 } from './1732800000000-foundation';
import { Students1732800001000 } from './1732800001000-students';
import { Attachments1732800002000 } from './1732800002000-attachments';
import { Registers1732800003000 } from './1732800003000-registers';
import { Comparisons1732800004000 } from './1732800004000-comparisons';
import { Ledgers1732800005000 } from './1732800005000-ledgers';
import { Forms1732800006000 } from './1732800006000-forms';
import { EngineTables1732900000000 } from '@kcbx/engine-store-typeorm';
import { WorkflowCases1733200000000 } from './1733200000000-workflow-cases';
import { NotificationByTask1733300000000 } from './1733300000000-notification-by-task';
import { FormDrafts1733100000000 } from './1733100000000-form-drafts';
import { DropoutPromotion1733400000000 } from './1733400000000-dropout-promotion';

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
];
