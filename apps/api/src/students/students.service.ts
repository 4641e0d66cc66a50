import { Injectable } from '@nestjs/common';
import { isMobilePhone, maskResidentId, parseResidentId, residentIdProblem, studentNumberKind } from '@kcbx/cn-codes';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { Guardian, OrgUnit, Student, StudentFlags, StudentStatus } from '../database/entities';
import { coversPath, Principal, scopePaths } from '../identity/principal';

export const STUDENT = { zh: '学生', en: 'Student' };

export interface NewStudent {
  name: string;
  idNumber: string;
  studentNumber?: string;
  ethnicity?: string;
  school: string;
  grade?: string;
  className?: string;
  residenceCode?: string;
  village?: string;
  guardians?: Guardian[];
  flags?: StudentFlags;
}

export interface StudentQuery {
  q?: string;
  orgUnit?: string;
  status?: StudentStatus;
  page: number;
  pageSize: number;
}

const RESIDENT_ID_PROBLEMS = {
  format: '身份证号应为 18 位（末位可为 X） / must be 18 characters',
  region: '身份证号地区码无效 / invalid region code',
  birthDate: '身份证号中的出生日期无效 / invalid birth date',
  checksum: '身份证号校验位不正确 / wrong check character',
};

@Injectable()
export class StudentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(p: Principal, query: StudentQuery) {
    const scopes = scopePaths(p);
    const qb = this.ds.getRepository(Student).createQueryBuilder('s').where('s.tenantId = :t', { t: p.tenantId });
    qb.andWhere(
      `(${scopes.map((_, i) => `s.schoolPath LIKE :s${i}`).join(' OR ') || '1 = 0'})`,
      Object.fromEntries(scopes.map((s, i) => [`s${i}`, `${s}%`])),
    );
    if (query.orgUnit) {
      const unit = await this.ds.getRepository(OrgUnit).findOneBy({ tenantId: p.tenantId, code: query.orgUnit });
      qb.andWhere('s.schoolPath LIKE :unit', { unit: `${unit?.path ?? '/none/'}%` });
    }
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.q) qb.andWhere('(s.name LIKE :q OR s.idNumber = :exact OR s.studentNumber = :exact)', { q: `%${query.q}%`, exact: query.q });
    const [rows, total] = await qb
      .orderBy('s.schoolPath')
      .addOrderBy('s.grade')
      .addOrderBy('s.name')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const schools = await this.schoolNames(p.tenantId, rows);
    return { items: rows.map((s) => presentStudent(s, schools.get(s.schoolId ?? ''), false)), total };
  }

  /** The student file's header: the only place the full ID number shows, and every view is audited. */
  async getWithFullId(p: Principal, id: string) {
    const student = await this.requireVisible(p, id);
    await this.audit.record(p, { action: 'student.view-id', entity: 'students', entityId: student.id });
    const schools = await this.schoolNames(p.tenantId, [student]);
    return presentStudent(student, schools.get(student.schoolId ?? ''), true);
  }

  async requireVisible(p: Principal, id: string): Promise<Student> {
    const student = await this.ds.getRepository(Student).findOneBy({ id, tenantId: p.tenantId });
    // Out of scope answers like "not there": clerks learn nothing about other schools' children.
    if (!student || !coversPath(p, student.schoolPath)) throw Errors.notFound(STUDENT);
    return student;
  }

  async create(p: Principal, input: NewStudent) {
    const problems = checkStudent(input);
    const school = await this.ds.getRepository(OrgUnit).findOneBy({ tenantId: p.tenantId, code: input.school });
    if (!school || school.kind !== 'school') problems.push({ field: 'school', message: `未知学校 ${input.school} / unknown school` });
    else if (!coversPath(p, school.path, 'student.manage'))
      throw Errors.forbidden({ zh: '该学校不在您的管理范围内', en: 'That school is outside your scope' });
    if (problems.length) throw Errors.validation(problems);
    const info = parseResidentId(input.idNumber)!;
    if (await this.ds.getRepository(Student).findOneBy({ tenantId: p.tenantId, idNumber: input.idNumber })) {
      throw Errors.conflict('STUDENT_EXISTS', {
        zh: '该身份证号的学生已在学籍中',
        en: 'A student with this ID number is already registered',
      });
    }
    const now = nowIso();
    const student: Student = {
      id: newId(),
      tenantId: p.tenantId,
      name: input.name,
      sex: info.sex,
      ethnicity: input.ethnicity ?? null,
      birthDate: info.birthDate,
      idNumber: input.idNumber,
      studentNumber: input.studentNumber ?? `G${input.idNumber}`,
      schoolId: school!.id,
      schoolPath: school!.path,
      grade: input.grade ?? null,
      className: input.className ?? null,
      residenceCode: input.residenceCode ?? null,
      village: input.village ?? null,
      guardians: input.guardians ?? [],
      flags: input.flags ?? {},
      status: 'enrolled',
      isDemo: false,
      createdAt: now,
      updatedAt: now,
    };
    await this.ds.getRepository(Student).insert(student);
    return presentStudent(student, school!.name, true);
  }

  private async schoolNames(tenantId: string, students: Student[]): Promise<Map<string, string>> {
    const ids = [...new Set(students.map((s) => s.schoolId).filter((x): x is string => !!x))];
    if (ids.length === 0) return new Map();
    const units = await this.ds
      .getRepository(OrgUnit)
      .createQueryBuilder('o')
      .where('o.tenantId = :t AND o.id IN (:...ids)', { t: tenantId, ids })
      .getMany();
    return new Map(units.map((u) => [u.id, u.name]));
  }
}

function checkStudent(input: NewStudent): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const idProblem = residentIdProblem(input.idNumber);
  if (idProblem) problems.push({ field: 'idNumber', message: RESIDENT_ID_PROBLEMS[idProblem] });
  if (input.studentNumber && !studentNumberKind(input.studentNumber)) {
    problems.push({ field: 'studentNumber', message: '全国学籍号格式不正确（G/L/J + 18 位） / invalid national student number' });
  }
  (input.guardians ?? []).forEach((g, i) => {
    if (g.phone && !isMobilePhone(g.phone))
      problems.push({ field: `guardians[${i}].phone`, message: '手机号无效 / invalid mobile number' });
  });
  return problems;
}

export function presentStudent(s: Student, schoolName: string | undefined, fullId: boolean) {
  return {
    id: s.id,
    name: s.name,
    sex: s.sex,
    ethnicity: s.ethnicity,
    birthDate: s.birthDate,
    idNumberMasked: maskResidentId(s.idNumber),
    ...(fullId ? { idNumber: s.idNumber } : {}),
    studentNumber: s.studentNumber && fullId ? s.studentNumber : s.studentNumber ? maskResidentId(s.studentNumber) : null,
    school: schoolName ?? null,
    schoolPath: s.schoolPath,
    grade: s.grade,
    className: s.className,
    residenceCode: s.residenceCode,
    village: s.village,
    guardians: fullId ? s.guardians : s.guardians.map((g) => ({ name: g.name, relation: g.relation })),
    flags: s.flags,
    status: s.status,
    isDemo: !!s.isDemo,
  };
}
