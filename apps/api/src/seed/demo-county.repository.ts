import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Comparison,
  LedgerEntry,
  OrgUnit,
  RegisterEntry,
  RegisterImport,
  Role,
  RoleAssignment,
  Student,
  Tenant,
  User,
} from '../database/entities';
import type { Tx } from '../database/transaction';

/** rows per multi-row insert or update (well under both databases' parameter limits) */
const CHUNK = 200;

/**
 * The demo county's rows: the county, its tree, roles, users, invented students and registers (written in the seed's
 * one transaction `tx`), and what the demo stories look up to play a case. Usable outside Nest (the test harness
 * seeds a second county with `new DemoCountyRepository(ds)`).
 */
@Injectable()
export class DemoCountyRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  // --- the county

  county(code: string, tx: Tx): Promise<Tenant | null> {
    return tx.getRepository(Tenant).findOneBy({ code });
  }

  countyById(id: string): Promise<Tenant> {
    return this.ds.getRepository(Tenant).findOneByOrFail({ id });
  }

  async insertCounty(tenant: Tenant, tx: Tx): Promise<void> {
    await tx.getRepository(Tenant).insert(tenant);
  }

  async insertUnit(unit: OrgUnit, tx: Tx): Promise<void> {
    await tx.getRepository(OrgUnit).insert(unit);
  }

  async insertRole(role: Role, tx: Tx): Promise<void> {
    await tx.getRepository(Role).insert(role);
  }

  async insertUser(user: User, tx: Tx): Promise<void> {
    await tx.getRepository(User).insert(user);
  }

  async assign(row: RoleAssignment, tx: Tx): Promise<void> {
    await tx.getRepository(RoleAssignment).insert(row);
  }

  /** in chunks, without TypeORM's read-back of generated columns (ARCHITECTURE.md: bulk inserts) */
  async insertStudents(rows: Student[], tx: Tx): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx
        .createQueryBuilder()
        .insert()
        .into(Student)
        .values(rows.slice(i, i + CHUNK))
        .updateEntity(false)
        .execute();
    }
  }

  // --- the registers and their first comparison

  /** the county's students by school path, then ID number */
  students(tenantId: string, tx: Tx): Promise<Student[]> {
    return tx.getRepository(Student).find({ where: { tenantId }, order: { schoolPath: 'ASC', idNumber: 'ASC' } });
  }

  /** the county's townships by code */
  townships(tenantId: string, tx: Tx): Promise<OrgUnit[]> {
    return tx.getRepository(OrgUnit).find({ where: { tenantId, kind: 'township' }, order: { code: 'ASC' } });
  }

  schools(tenantId: string, tx: Tx): Promise<OrgUnit[]> {
    return tx.getRepository(OrgUnit).findBy({ tenantId, kind: 'school' });
  }

  async insertRegisterImport(row: RegisterImport, tx: Tx): Promise<void> {
    await tx.getRepository(RegisterImport).insert(row);
  }

  /** one chunk of a register's rows (the caller numbers them) */
  async insertRegisterEntries(rows: Omit<RegisterEntry, 'id'>[], tx: Tx): Promise<void> {
    await tx.createQueryBuilder().insert().into(RegisterEntry).values(rows).updateEntity(false).execute();
  }

  async insertComparison(comparison: Comparison, tx: Tx): Promise<void> {
    await tx.getRepository(Comparison).insert(comparison);
  }

  async setComparisonCounts(id: string, counts: Comparison['counts'], tx: Tx): Promise<void> {
    await tx.getRepository(Comparison).update({ id }, { counts });
  }

  async markSuspectedDropouts(studentIds: string[], tx: Tx): Promise<void> {
    for (let i = 0; i < studentIds.length; i += CHUNK) {
      await tx
        .createQueryBuilder()
        .update(Student)
        .set({ status: 'suspected-dropout' })
        .whereInIds(studentIds.slice(i, i + CHUNK))
        .execute();
    }
  }

  // --- what the demo stories look up

  /** the county's suspected dropouts on the ledger at the unit, by ID number */
  suspectedDropoutsAt(tenantId: string, unitCode: string): Promise<LedgerEntry[]> {
    return this.ds
      .getRepository(LedgerEntry)
      .createQueryBuilder('e')
      .where('e.tenantId = :tenantId AND e.kind = :kind AND e.orgUnitPath LIKE :path', {
        tenantId,
        kind: 'suspected-dropout',
        path: `%/${unitCode}/`,
      })
      .orderBy('e.idNumber', 'ASC')
      .getMany();
  }

  /** the students of the school, by ID number */
  studentsAt(tenantId: string, schoolCode: string): Promise<Student[]> {
    return this.ds
      .getRepository(Student)
      .createQueryBuilder('s')
      .where('s.tenantId = :tenantId AND s.schoolPath LIKE :path', { tenantId, path: `%/${schoolCode}/` })
      .orderBy('s.idNumber', 'ASC')
      .getMany();
  }

  user(tenantId: string, username: string): Promise<User | null> {
    return this.ds.getRepository(User).findOneBy({ tenantId, username });
  }
}
