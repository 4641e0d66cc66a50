import { AuditEntry } from './audit-entry.entity';
import { AuthSession, LoginThrottle } from './auth-session.entity';
import { OrgUnit } from './org-unit.entity';
import { RoleAssignment } from './role-assignment.entity';
import { Role } from './role.entity';
import { Tenant } from './tenant.entity';
import { User } from './user.entity';
import { Student, StudentStatusEvent } from './student.entity';
import { Attachment } from './attachment.entity';
import { RegisterEntry, RegisterImport } from './register.entity';
import { Comparison, ComparisonFinding } from './comparison.entity';
import { LedgerEntry, LedgerEvent } from './ledger.entity';
import { FormDefinitionRow } from './form-definition.entity';
import { FormSubmission } from './form-submission.entity';
import { InstanceLink } from './instance-link.entity';
import { TaskComment } from './task-comment.entity';
import { InstanceAttachment } from './instance-attachment.entity';
import { Notification } from './notification.entity';
import { NotificationDelivery, NotificationPreference } from './notification-delivery.entity';
import { FormDraft } from './form-draft.entity';
import { CalendarYearRow } from './calendar-year.entity';
import { CaseAction, CaseCopy, TaskReminder, TaskSigner } from './approval-verbs.entity';
import { ReconciliationNote, ReportSignOffRow } from './report-sign-off.entity';
import { VisitAssignment } from './visit-assignment.entity';
import { ApiKey } from './api-key.entity';
import { RetentionRun } from './retention-run.entity';

export { AuditEntry, AuthSession, LoginThrottle, OrgUnit, Role, RoleAssignment, Tenant, User };
export const FOUNDATION_ENTITIES = [
  Tenant,
  OrgUnit,
  Role,
  User,
  RoleAssignment,
  LoginThrottle,
  AuthSession,
  AuditEntry,
  Student,
  StudentStatusEvent,
  Attachment,
  RegisterImport,
  RegisterEntry,
  Comparison,
  ComparisonFinding,
  LedgerEntry,
  LedgerEvent,
  FormDefinitionRow,
  FormSubmission,
  FormDraft,
  InstanceLink,
  TaskComment,
  InstanceAttachment,
  Notification,
  NotificationDelivery,
  NotificationPreference,
  CalendarYearRow,
  TaskSigner,
  CaseAction,
  CaseCopy,
  TaskReminder,
  ReportSignOffRow,
  ReconciliationNote,
  VisitAssignment,
  ApiKey,
  RetentionRun,
];
export { ORG_UNIT_KINDS } from './org-unit.entity';
export { VisitAssignment };
export type { OrgUnitKind } from './org-unit.entity';
export { PERMISSIONS } from './role.entity';
export type { Permission } from './role.entity';
export { Student, StudentStatusEvent, STUDENT_STATUSES } from './student.entity';
export type { Guardian, StudentFlags, StudentStatus } from './student.entity';
export { Attachment } from './attachment.entity';
export { REGISTER_SOURCES, RegisterEntry, RegisterImport } from './register.entity';
export type { RegisterSource, RowProblemRecord } from './register.entity';
export { Comparison, ComparisonFinding, FINDING_KINDS } from './comparison.entity';
export type { ComparisonCounts, FindingKind } from './comparison.entity';
export { LEDGER_KINDS, LEDGER_STATUSES, LedgerEntry, LedgerEvent } from './ledger.entity';
export type { LedgerKind, LedgerStatus } from './ledger.entity';
export { FormDefinitionRow } from './form-definition.entity';
export { FormSubmission } from './form-submission.entity';
export { InstanceLink, TaskComment, InstanceAttachment, Notification };
export { FormDraft } from './form-draft.entity';
export { CalendarYearRow } from './calendar-year.entity';
export { CaseAction, CaseCopy, TaskReminder, TaskSigner } from './approval-verbs.entity';
export type { SignerMode, SignerState } from './approval-verbs.entity';
export { DELIVERY_STATES, NotificationDelivery, NotificationPreference } from './notification-delivery.entity';
export type { DeliveryState } from './notification-delivery.entity';
export { ReconciliationNote, ReportSignOffRow } from './report-sign-off.entity';
export { ApiKey } from './api-key.entity';
export { RetentionRun } from './retention-run.entity';
