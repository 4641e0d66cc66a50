import { isWithin, toDataPath } from './pointers';

export type FieldPermission = 'writable' | 'readonly' | 'hidden';

/** Per workflow step: `{"/guardians": "readonly", "remarks": "hidden"}`; unlisted fields are writable. */
export type FieldPermissions = Record<string, FieldPermission>;

export interface PermissionEntry {
  path: string;
  permission: FieldPermission;
}

export function permissionEntries(permissions: FieldPermissions | undefined): PermissionEntry[] {
  return Object.entries(permissions ?? {}).map(([path, permission]) => ({ path: toDataPath(path), permission }));
}

/** The permission of the most specific listed ancestor of `path` (a listed object covers its fields). */
export function permissionOf(entries: PermissionEntry[], path: string): FieldPermission {
  let best: PermissionEntry | undefined;
  for (const entry of entries) {
    if (isWithin(path, entry.path) && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best?.permission ?? 'writable';
}
