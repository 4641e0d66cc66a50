import { Errors } from '../common/app-error';
import { coversPath, Principal } from '../identity/principal';

/**
 * A package is the whole county, so only an administrator whose admin role sits at the county itself may
 * take it out or bring one in (a township administrator administers a branch, not the county).
 */
export function requireCountyAdmin(p: Principal): void {
  if (!coversPath(p, `/${p.tenantCode}/`, 'admin')) {
    throw Errors.forbidden('FORBIDDEN/county-admin-only');
  }
}
