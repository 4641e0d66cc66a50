import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '../database/entities/role.entity';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'kcbx:public';
export const REQUIRED_PERMISSION = 'kcbx:permission';

/** No token needed (login, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller must hold a role carrying this permission somewhere in their county. */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest().principal;
});
