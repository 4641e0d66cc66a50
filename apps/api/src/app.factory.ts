import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppError, Errors } from './common/app-error';
import { bodyParsers, securityHeaders, trustProxySetting } from './common/http-hardening';
import { dtoFieldErrors } from './common/dto-errors';
import { ErrorFilter, sendError } from './common/error.filter';
import { SessionService } from './identity/session.service';
import { TokenService } from './identity/token.service';
import { AppConfig } from './config/app-config';
import { DbGate } from './database/db-gate';
import { webAppMiddleware } from './web-app/serve-web-app';

const GATE_FREE = [/^\/api\/health/, /^\/api\/registers\/import-progress\//];

/** The whole server, as `npm start` and the database tests run it. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  // Body parsing is ours (bodyParsers): limits and depth answered as 413/400 in the API's error shape.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(config.trustProxy));
  app.use(securityHeaders());
  if (config.env === 'production') app.use(docsNeedLogin(app));
  // Bodies are read BEFORE the gate is taken: a slow or huge body holds no one else up (#14 point 2).
  for (const parser of bodyParsers()) app.use('/api', parser);
  const gate = app.get(DbGate);
  app.use('/api', (req: { originalUrl: string }, res: NodeJS.EventEmitter, next: () => void) => {
    // Read-only endpoints that must answer while a long import holds the gate: health and import progress.
    if (GATE_FREE.some((re) => re.test(req.originalUrl))) return next();
    void gate.run(
      () =>
        new Promise<void>((done) => {
          res.once('finish', done);
          res.once('close', done);
          next();
        }),
    );
  });
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => Errors.validation(dtoFieldErrors(errors)),
    }),
  );
  const doc = new DocumentBuilder()
    .setTitle('控辍保学工作平台 API')
    .setDescription(
      'Procedures, forms, registers and ledgers for county education bureaus. Errors: {statusCode, error, message, details?}.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app, config.webDist);
  await app.init();
  return app;
}

/** In production the API explorer answers only to a signed-in caller's bearer token (#14 point 9). */
function docsNeedLogin(app: NestExpressApplication) {
  const tokens = app.get(TokenService);
  const sessions = app.get(SessionService);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!/^\/api\/docs/.test(req.path)) return next();
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) return sendError(req, res, Errors.unauthenticated());
    let claims;
    try {
      claims = tokens.verify(header.slice(7).trim());
    } catch (e) {
      return sendError(req, res, e as AppError);
    }
    sessions.check(claims).then(
      () => next(),
      (e: AppError) => sendError(req, res, e),
    );
  };
}

/** The built SPA on the same port (see web-app/serve-web-app.ts); an API without a built web app serves only the API. */
function serveWebApp(app: NestExpressApplication, webDist: string) {
  const middleware = webAppMiddleware(webDist);
  if (middleware) app.use(middleware);
}
