import { CallHandler, ExecutionContext, Injectable, mixin, NestInterceptor, Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { DbGate } from './db-gate';
import { AppError, Errors } from '../common/app-error';

/** Room for the multipart boundaries, part headers and a few small fields around the file. */
const MULTIPART_SLACK = 64 * 1024;

/**
 * One file from a multipart request, read into memory WITHOUT holding the SQLite gate (issue #14 point 2): a
 * half-sent upload no longer makes every other user wait. The size limit is enforced while streaming — a
 * declared Content-Length over it is refused before a byte is read, and an undeclared (chunked) body is cut off
 * one byte past it — with 413 PAYLOAD_TOO_LARGE.
 */
export function GateFreeUpload(field: string, maxBytes: number): Type<NestInterceptor> {
  @Injectable()
  class Upload implements NestInterceptor {
    private readonly parser = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 30, headerPairs: 200 },
    }).single(field);

    constructor(private readonly gate: DbGate) {}

    async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = ctx.switchToHttp().getRequest<Request>();
      const res = ctx.switchToHttp().getResponse<Response>();
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_SLACK) {
        // The client would otherwise go on sending what is already refused.
        res.setHeader('Connection', 'close');
        throw Errors.tooLarge(maxBytes);
      }
      await this.gate.outside(
        () =>
          new Promise<void>((resolve, reject) =>
            this.parser(req, res, (err: unknown) => (err ? reject(uploadError(err, maxBytes, res)) : resolve())),
          ),
      );
      return next.handle();
    }
  }
  return mixin(Upload);
}

function uploadError(err: unknown, maxBytes: number, res: Response): AppError | unknown {
  if (!(err instanceof multer.MulterError)) return Errors.badFile('BAD_FILE/multipart-unreadable');
  if (err.code === 'LIMIT_FILE_SIZE') {
    res.setHeader('Connection', 'close');
    return Errors.tooLarge(maxBytes);
  }
  return Errors.badFile('BAD_FILE/upload-refused', { reason: err.message });
}
