import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Errors } from '../common/app-error';
import type { Permission } from '../database/entities/role.entity';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './decorators';
import { hasPermission } from './principal';
import { PrincipalLoader } from './principal.loader';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

/** Global: every route needs a valid bearer token unless marked @Public(); @RequirePermission adds a check. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly principals: PrincipalLoader,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    if (!header || !header.startsWith('Bearer ')) throw Errors.unauthenticated();
    const claims = this.tokens.verify(header.slice(7).trim());
    await this.sessions.check(claims);
    const principal = await this.principals.current(claims.sub, claims.tid);
    if (!principal) throw Errors.invalidToken(false);
    req.principal = principal;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission && !hasPermission(principal, permission)) throw Errors.forbidden();
    return true;
  }
}
