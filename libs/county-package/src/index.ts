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

export interface CountyPackage {
  format?: string;
  tenant: { code: string; name: string };
  orgUnits: PackageOrgUnit[];
  roles: PackageRole[];
  users: PackageUser[];
  /** form definitions as published ({key, version, title, schema, uiSchema, ...}) */
  forms: Record<string, unknown>[];
  workflows: PackageWorkflow[];
}

export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
}

export interface PackageProblem {
  section: 'tenant' | 'orgUnits' | 'roles' | 'users' | 'forms' | 'workflows';
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
  problems: PackageProblem[];
}
