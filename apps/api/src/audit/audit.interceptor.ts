import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import type { Principal } from '../identity/principal';
import { AuditService } from './audit.service';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NOT_AUDITED = new Set(['/api/auth/login', '/api/auth/refresh']);

/**
 * Every successful write through the API leaves an audit entry: who, when, which route, which entity,
 * and the (redacted) body. Failed writes change nothing, so they leave none.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly log = new Logger('audit');

  constructor(private readonly audit: AuditService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest();
    const path: string = (req.originalUrl ?? req.url).split('?')[0];
    if (!WRITE_METHODS.has(req.method) || NOT_AUDITED.has(path)) return next.handle();
    return next.handle().pipe(
      tap((result: unknown) => {
        const principal: Principal | undefined = req.principal;
        const routePath: string = req.route?.path ?? path;
        const entity = routePath
          .replace(/^\/api\//, '')
          .split('/')
          .filter((s) => s && !s.startsWith(':') && s !== 'admin')[0];
        const resultId = result && typeof result === 'object' && 'id' in result ? String((result as { id: unknown }).id) : null;
        const entityId = resultId ?? req.params?.id ?? req.params?.code ?? null;
        this.audit
          .record(principal ?? null, {
            action: `${req.method} ${routePath}`,
            entity: entity ?? null,
            entityId,
            detail: { params: req.params, query: req.query, body: req.body },
            status: ctx.switchToHttp().getResponse().statusCode,
            ip: req.ip,
          })
          .catch((err) => this.log.error({ err }, 'audit entry could not be written'));
      }),
    );
  }
}
