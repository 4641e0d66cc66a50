import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgUnit, Student, StudentStatus } from '../database/entities';

/** which students a roster page shows: the county's, at schools under the scope paths, and the page's filters */
export interface StudentPage {
  tenantId: string;
  /** school path prefixes the caller's scope covers (none: nothing is listed) */
  scopes: string[];
  /** only students at schools under this path */
  underPath?: string;
  status?: StudentStatus;
  /** part of the name, or the exact ID number or 全国学籍号 */
  q?: string;
  page: number;
  pageSize: number;
}

/** The roster (`student`) and the schools (`org_unit`) its rows name. */
@Injectable()
export class StudentsRepository {
  constructor(private readonly ds: DataSource) {}

  /** one page by school, grade and name, and how many there are */
  page(q: StudentPage): Promise<[Student[], number]> {
    const qb = this.ds.getRepository(Student).createQueryBuilder('s').where('s.tenantId = :t', { t: q.tenantId });
    qb.andWhere(
      `(${q.scopes.map((_, i) => `s.schoolPath LIKE :s${i}`).join(' OR ') || '1 = 0'})`,
      Object.fromEntries(q.scopes.map((s, i) => [`s${i}`, `${s}%`])),
    );
    if (q.underPath !== undefined) qb.andWhere('s.schoolPath LIKE :unit', { unit: `${q.underPath}%` });
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    if (q.q) qb.andWhere('(s.name LIKE :q OR s.idNumber = :exact OR s.studentNumber = :exact)', { q: `%${q.q}%`, exact: q.q });
    return qb
      .orderBy('s.schoolPath')
      .addOrderBy('s.grade')
      .addOrderBy('s.name')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
  }

  byIdNumber(tenantId: string, idNumber: string): Promise<Student | null> {
    return this.ds.getRepository(Student).findOneBy({ tenantId, idNumber });
  }

  async insert(student: Student): Promise<void> {
    await this.ds.getRepository(Student).insert(student);
  }

  unit(tenantId: string, code: string): Promise<OrgUnit | null> {
    return this.ds.getRepository(OrgUnit).findOneBy({ tenantId, code });
  }

  /** the county's units with these ids (the students' schools) */
  unitsById(tenantId: string, ids: string[]): Promise<OrgUnit[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds
      .getRepository(OrgUnit)
      .createQueryBuilder('o')
      .where('o.tenantId = :t AND o.id IN (:...ids)', { t: tenantId, ids })
      .getMany();
  }
}
