import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Attachment, InstanceAttachment, LedgerEntry, OrgUnit, RoleAssignment, Student, User } from '../database/entities';
import type { Tx } from '../database/transaction';

/**
 * The rows a client's references name — students, ledger entries, units, uploads, users — read by id whatever their
 * county, so that the reference scope can tell "not there" from "someone else's" (which it audits). With `tx`, an
 * engine command's transaction, reads see its own writes.
 */
@Injectable()
export class ReferencesRepository {
  constructor(private readonly ds: DataSource) {}

  student(id: string): Promise<Student | null> {
    return this.ds.getRepository(Student).findOneBy({ id });
  }

  /** a student of this county */
  studentOfTenant(tenantId: string, id: string): Promise<Student | null> {
    return this.ds.getRepository(Student).findOneBy({ id, tenantId });
  }

  ledgerEntry(id: string): Promise<LedgerEntry | null> {
    return this.ds.getRepository(LedgerEntry).findOneBy({ id });
  }

  /** the county's org unit with this code */
  unitByCode(tenantId: string, code: string): Promise<OrgUnit | null> {
    return this.ds.getRepository(OrgUnit).findOneBy({ tenantId, code });
  }

  attachment(id: string): Promise<Attachment | null> {
    return this.ds.getRepository(Attachment).findOneBy({ id });
  }

  attachments(ids: string[], tx?: Tx): Promise<Attachment[]> {
    return (tx ?? this.ds.manager).getRepository(Attachment).findBy({ id: In(ids) });
  }

  /** which of these uploads are filed with the case */
  filedWithCase(tenantId: string, caseId: string, attachmentIds: string[], tx?: Tx): Promise<InstanceAttachment[]> {
    return (tx ?? this.ds.manager)
      .getRepository(InstanceAttachment)
      .findBy({ tenantId, instanceId: caseId, attachmentId: In(attachmentIds) });
  }

  /** the active users of the county with these usernames */
  activeUsersNamed(tenantId: string, usernames: string[]): Promise<User[]> {
    return this.ds.getRepository(User).findBy({ tenantId, username: In(usernames), active: true });
  }

  /** the paths of the units where these users hold a role, one row per assignment */
  assignmentPaths(userIds: string[]): Promise<{ userId: string; path: string }[]> {
    return this.ds
      .getRepository(RoleAssignment)
      .createQueryBuilder('a')
      .innerJoin(OrgUnit, 'o', 'o.id = a.orgUnitId')
      .where('a.userId IN (:...ids)', { ids: userIds })
      .select(['a.userId AS "userId"', 'o.path AS "path"'])
      .getRawMany<{ userId: string; path: string }>();
  }
}
