import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { KeyHolder } from './api-keys.service';

/** The county program calling with an API key (set by ApiKeyGuard). */
export const Holder = createParamDecorator((_: unknown, ctx: ExecutionContext): KeyHolder => ctx.switchToHttp().getRequest().keyHolder);
