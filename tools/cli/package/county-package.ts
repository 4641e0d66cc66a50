/**
 * The county package as the API exchanges it (GET/POST /api/admin/county-package). This is the wire
 * contract as any client sees it; the CLI does not import the API's code (module boundaries).
 */
export const PACKAGE_FORMAT = 'kcbx-county-package/1';

export const ORG_UNIT_KINDS = ['county', 'township', 'school', 'village', 'office'] as const;

export interface PackageOrgUnit {
  code: string;
  name: string;
  kind: (typeof ORG_UNIT_KINDS)[number];
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

export interface CountyPackage {
  format?: string;
  tenant: { code: string; name: string };
  orgUnits: PackageOrgUnit[];
  roles: PackageRole[];
  users: PackageUser[];
  forms: Record<string, unknown>[];
  workflows: { name: string; content: string }[];
}

export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  dryRun: boolean;
  county: string;
  orgUnits: Tally;
  roles: Tally;
  users: Tally & { withoutPassword: string[] };
  forms: Tally;
  workflows: Tally;
  problems: { section: string; item: string; line?: number; message: string }[];
}
