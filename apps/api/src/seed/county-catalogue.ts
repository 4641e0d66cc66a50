import type { Permission } from '../database/entities';

/** The roles every county starts with; candidateGroups in the shipped procedures name these keys. */
export const STANDARD_ROLES: { key: string; name: string; nameEn: string; permissions: Permission[] }[] = [
  { key: 'class-teacher', name: '班主任', nameEn: 'Class teacher', permissions: ['ledger.report'] },
  { key: 'registrar', name: '学籍管理员', nameEn: 'Registrar', permissions: ['student.manage'] },
  { key: 'principal', name: '校长', nameEn: 'Principal', permissions: ['ledger.report', 'report.read', 'student.manage'] },
  { key: 'village-head', name: '村长', nameEn: 'Village head', permissions: [] },
  { key: 'township-official', name: '乡镇干部', nameEn: 'Township official', permissions: ['report.read', 'ledger.manage'] },
  { key: 'basic-edu-office', name: '基础教育室', nameEn: 'Basic education office', permissions: ['report.read', 'ledger.manage'] },
  { key: 'subsidy-centre', name: '资助管理中心', nameEn: 'Student subsidy centre', permissions: ['report.read'] },
  { key: 'inspectorate', name: '督导室', nameEn: 'Inspectorate', permissions: ['report.read'] },
  { key: 'leading-group', name: '县扶贫工作领导小组', nameEn: 'County leading group', permissions: ['report.read'] },
  { key: 'vice-principal', name: '分管校长', nameEn: 'Vice principal (dropout control)', permissions: ['ledger.report', 'report.read'] },
  { key: 'grade-head', name: '年级组长', nameEn: 'Grade head', permissions: ['ledger.report'] },
  { key: 'bureau-leader', name: '局领导（班子成员）', nameEn: 'Bureau leadership member', permissions: ['report.read'] },
  { key: 'bureau-office', name: '办公室', nameEn: 'Bureau general office', permissions: ['report.read'] },
  { key: 'finance-projects', name: '财务与项目室', nameEn: 'Finance and projects office', permissions: ['report.read'] },
  { key: 'nutrition-centre', name: '学生营养中心', nameEn: 'Student nutrition centre', permissions: ['report.read'] },
  { key: 'discipline-inspection', name: '纪检组', nameEn: 'Discipline inspection group', permissions: ['report.read'] },
  { key: 'policy-designer', name: '政策与流程设计', nameEn: 'Policy designer', permissions: ['design'] },
  { key: 'admin', name: '系统管理员', nameEn: 'Administrator', permissions: ['admin', 'audit.read', 'design', 'student.manage'] },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: string;
  /** 'county', 'township:<index>' or 'school:<township index>:<school index>' within the seeded tree. */
  at: string;
  phone?: string;
}

/** One demo user per role (invented names, marked 演示). */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员（演示）', role: 'admin', at: 'county' },
  { username: 'teacher', displayName: '马老师（演示）', role: 'class-teacher', at: 'school:0:0', phone: '13800000001' },
  { username: 'registrar', displayName: '李学籍（演示）', role: 'registrar', at: 'school:0:0', phone: '13800000002' },
  { username: 'principal', displayName: '王校长（演示）', role: 'principal', at: 'school:0:0', phone: '13800000003' },
  { username: 'teacher2', displayName: '海老师（演示）', role: 'class-teacher', at: 'school:1:0', phone: '13800000004' },
  { username: 'township', displayName: '杨乡镇（演示）', role: 'township-official', at: 'township:0', phone: '13800000005' },
  { username: 'basic-edu', displayName: '张基教（演示）', role: 'basic-edu-office', at: 'county', phone: '13800000006' },
  { username: 'subsidy', displayName: '周资助（演示）', role: 'subsidy-centre', at: 'county', phone: '13800000007' },
  { username: 'inspector', displayName: '赵督导（演示）', role: 'inspectorate', at: 'county', phone: '13800000008' },
  { username: 'leader', displayName: '刘组长（演示）', role: 'leading-group', at: 'county', phone: '13800000009' },
  { username: 'bureau', displayName: '王局长（演示）', role: 'bureau-leader', at: 'county', phone: '13800000011' },
  { username: 'discipline', displayName: '孙纪检（演示）', role: 'discipline-inspection', at: 'county', phone: '13800000012' },
  { username: 'designer', displayName: '陈设计（演示）', role: 'policy-designer', at: 'county', phone: '13800000010' },
];

/** Synthetic schools per township (shared with the CLI's new-county). */
export { demoSchools } from '@kcbx/demo-data';
