import { Injectable } from '@nestjs/common';
import { ReferenceScope } from '../identity/reference-scope';
import { isMobilePhone, maskResidentId, parseResidentId, residentIdProblem, studentNumberKind } from '@kcbx/cn-codes';
import { AuditService } from '../audit-log/audit.service';
import { AppError, Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { Guardian, Student, StudentFlags, StudentStatus } from '../database/entities';
import { coversPath, Principal, scopePaths } from '../identity/principal';
import { StudentsRepository } from './students.repository';

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
    private readonly students: StudentsRepository,
    private readonly audit: AuditService,
    private readonly scope: ReferenceScope,
  ) {}

  async list(p: Principal, query: StudentQuery) {
    // a unit that is not there lists nothing under it
    const underPath = query.orgUnit ? ((await this.students.unit(p.tenantId, query.orgUnit))?.path ?? '/none/') : undefined;
    const [rows, total] = await this.students.page({
      tenantId: p.tenantId,
      scopes: scopePaths(p),
      underPath,
      status: query.status,
      q: query.q,
      page: query.page,
      pageSize: query.pageSize,
    });
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

  /** Out of scope answers like "not there" (ReferenceScope), and an attempt on another school's child is audited. */
  requireVisible(p: Principal, id: string): Promise<Student> {
    return this.scope.student(p, id);
  }

  async create(p: Principal, input: NewStudent) {
    const problems = checkStudent(input);
    const school = await this.students.unit(p.tenantId, input.school);
    if (!school || school.kind !== 'school') problems.push({ field: 'school', message: `未知学校 ${input.school} / unknown school` });
    else if (!coversPath(p, school.path, 'student.manage')) throw Errors.forbidden('FORBIDDEN/school-out-of-scope');
    if (problems.length) throw Errors.validation(problems);
    const info = parseResidentId(input.idNumber)!;
    if (await this.students.byIdNumber(p.tenantId, input.idNumber)) {
      throw new AppError('STUDENT_EXISTS');
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
    await this.students.insert(student);
    return presentStudent(student, school!.name, true);
  }

  private async schoolNames(tenantId: string, students: Student[]): Promise<Map<string, string>> {
    const ids = [...new Set(students.map((s) => s.schoolId).filter((x): x is string => !!x))];
    if (ids.length === 0) return new Map();
    const units = await this.students.unitsById(tenantId, ids);
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
    statusUntil: s.statusUntil ?? null,
    isDemo: !!s.isDemo,
  };
}
