import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Observable, tap } from 'rxjs';
import type { Principal } from '../identity/principal';
import { AuditService, type RequestAudit } from '../audit-log/audit.service';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NOT_AUDITED = new Set(['/api/auth/login', '/api/auth/refresh']);

/**
 * Every successful write through the API leaves an audit entry: who, when, which route, which entity,
 * and the (redacted) body. Failed writes change nothing, so they leave none. A write that runs an engine command
 * (complete, start, return, the approval verbs) has its entry written in that command's transaction
 * (AuditService.inCommand, #14 point 11); the others' entry follows the response.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly log = new Logger('audit');

  constructor(private readonly audit: AuditService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest();
    const path: string = (req.originalUrl ?? req.url).split('?')[0];
    if (!WRITE_METHODS.has(req.method) || NOT_AUDITED.has(path)) return next.handle();
    const routePath: string = req.route?.path ?? path;
    const entity = routePath
      .replace(/^\/api\//, '')
      .split('/')
      .filter((s) => s && !s.startsWith(':') && s !== 'admin')[0];
    const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    // the entry this request leaves; an engine command it runs writes it in its own transaction (AuditService.inCommand)
    const pending: RequestAudit = {
      who: (req.principal as Principal | undefined) ?? null,
      rec: {
        action: `${req.method} ${routePath}`,
        entity: entity ?? null,
        entityId: req.params?.id ?? req.params?.code ?? null,
        detail: { params: req.params, query: req.query, body: req.body },
        status,
        ip: req.ip,
      },
      inCommand: false,
    };
    // next.handle() binds the handler to the async context it is called in: called inside forRequest, the handler
    // (and every engine command it runs) sees `pending`
    const handled = () =>
      next.handle().pipe(
        tap((result: unknown) => {
          if (pending.inCommand) return;
          const principal: Principal | undefined = req.principal;
          const resultId = result && typeof result === 'object' && 'id' in result ? String((result as { id: unknown }).id) : null;
          this.audit
            .record(principal ?? null, {
              ...pending.rec,
              entityId: resultId ?? pending.rec.entityId,
              status: ctx.switchToHttp().getResponse().statusCode,
            })
            .catch((err) => this.log.error({ err }, 'audit entry could not be written'));
        }),
      );
    return new Observable((subscriber) => this.audit.forRequest(pending, () => handled().subscribe(subscriber)));
  }
}
