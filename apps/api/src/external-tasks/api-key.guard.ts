import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiKeysService } from './api-keys.service';

/**
 * For routes programs call (marked @Public() for the people's token guard): `Authorization: ApiKey <key>` or
 * `X-API-Key: <key>`. Sets `request.keyHolder`.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: ApiKeysService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest();
    const auth: string | undefined = req.headers.authorization;
    const presented = auth?.startsWith('ApiKey ') ? auth.slice(7) : (req.headers['x-api-key'] as string | undefined);
    req.keyHolder = await this.keys.authenticate(presented);
    return true;
  }
}
