/**
 * A county package: what a county needs to run (org tree, roles, users without passwords, forms, procedures),
 * in the shape `GET /api/admin/county-package` returns and `POST` takes, and that the CLI writes as files
 * (county.json, org-units.json, roles.json, users.json, forms/*.form.json, workflows/*.bpmn). One contract for
 * the API and the CLI, which may not import each other.
 */
export const PACKAGE_FORMAT = 'kcbx-county-package/1';

export const ORG_UNIT_KINDS = ['county', 'township', 'school', 'village', 'office'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export interface PackageOrgUnit {
  code: string;
  name: string;
  kind: OrgUnitKind;
  /** null for the county itself */
  parentCode: string | null;
}

export interface PackageRole {
  key: string;
  name: string;
  nameEn?: string;
  permissions?: string[];
}

export interface PackageUser {
  username: string;
  displayName: string;
  phone?: string | null;
  active?: boolean;
  roles: { role: string; orgUnit: string }[];
}

export interface PackageWorkflow {
  /** file name, e.g. persuasion-return.bpmn */
  name: string;
  content: string;
}

/**
 * 包抓分工: a person of the county bureau (by username), the township they 包抓 and its schools they visit (codes
 * or names; none: every school of the township). The CLI keeps them as the 附件-style list visit-assignments.csv.
 */
export interface PackageVisitAssignment {
  username: string;
  /** 科室（中心）or 局领导（班子成员）; none: the person's role at the bureau */
  office?: string;
  township: string;
  schools?: string[];
}

/** The list's columns under the names a bureau's 附件 uses: the first name of each is what an export writes. */
export const VISIT_ASSIGNMENT_HEADERS = {
  displayName: ['姓名', '包抓人', '责任人', '包抓领导', 'name'],
  username: ['账号', '用户名', 'username'],
  office: ['科室', '所在科室', '单位', '职务', '科室（中心）', 'office'],
  township: ['包抓乡镇', '乡镇', '联系乡镇', 'township'],
  schools: ['联系学校', '包抓学校', '学校', 'schools'],
} as const;

/** The schools of one cell of the list: 、，,；; or new lines between them. */
export function splitSchoolList(cell: string): string[] {
  return cell
    .split(/[、，,；;\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface CountyPackage {
  format?: string;
  tenant: { code: string; name: string };
  orgUnits: PackageOrgUnit[];
  roles: PackageRole[];
  users: PackageUser[];
  /** form definitions as published ({key, version, title, schema, uiSchema, ...}) */
  forms: Record<string, unknown>[];
  workflows: PackageWorkflow[];
  /** the 包抓 assignment table; left out, the county's table stays as it is */
  visitAssignments?: PackageVisitAssignment[];
}

export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
}

export interface PackageProblem {
  section: 'tenant' | 'orgUnits' | 'roles' | 'users' | 'forms' | 'workflows' | 'visitAssignments';
  /** the unit code, role key, username or file name the problem is about */
  item: string;
  line?: number;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  county: string;
  orgUnits: Tally;
  roles: Tally;
  users: Tally & { withoutPassword: string[] };
  forms: Tally;
  workflows: Tally;
  visitAssignments: Tally;
  problems: PackageProblem[];
}

export { cutoffOf, DEFAULT_RETENTION, isRetention, retentionOf } from './history-retention';
