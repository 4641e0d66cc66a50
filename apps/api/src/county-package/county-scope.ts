import { Errors } from '../common/app-error';
import { coversPath, Principal } from '../identity/principal';

/**
 * A package is the whole county, so only an administrator whose admin role sits at the county itself may
 * take it out or bring one in (a township administrator administers a branch, not the county).
 */
export function requireCountyAdmin(p: Principal): void {
  if (!coversPath(p, `/${p.tenantCode}/`, 'admin')) {
    throw Errors.forbidden({
      zh: '导出或导入县区数据包需要县级系统管理员',
      en: 'Exporting or importing a county package needs an administrator at county level',
    });
  }
}
