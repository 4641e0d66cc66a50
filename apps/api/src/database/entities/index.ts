import { AuditEntry } from './audit-entry.entity';
import { LoginFailure } from './login-failure.entity';
import { OrgUnit } from './org-unit.entity';
import { RoleAssignment } from './role-assignment.entity';
import { Role } from './role.entity';
import { Tenant } from './tenant.entity';
import { User } from './user.entity';
import { Student } from './student.entity';
import { Attachment } from './attachment.entity';

export { AuditEntry, LoginFailure, OrgUnit, Role, RoleAssignment, Tenant, User };
export const FOUNDATION_ENTITIES = [Tenant, OrgUnit, Role, User, RoleAssignment, LoginFailure, AuditEntry, Student, Attachment];
export { ORG_UNIT_KINDS } from './org-unit.entity';
export type { OrgUnitKind } from './org-unit.entity';
export { PERMISSIONS } from './role.entity';
export type { Permission } from './role.entity';
export { Student, STUDENT_STATUSES } from './student.entity';
export type { Guardian, StudentFlags, StudentStatus } from './student.entity';
export { Attachment } from './attachment.entity';
