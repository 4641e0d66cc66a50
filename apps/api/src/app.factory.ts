import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import * as fs from 'fs';
import * as path from 'path';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { Errors } from './common/app-error';
import { dtoFieldErrors } from './common/dto-errors';
import { ErrorFilter } from './common/error.filter';
import { AppConfig } from './config/app-config';
import { DbGate } from './database/db-gate';

const GATE_FREE = [/^\/api\/health/, /^\/api\/registers\/import-progress\//];

/** The whole server, as `npm start` and the database tests run it. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  app.useBodyParser('json', { limit: '10mb' });
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

/** The built SPA on the same port; any non-API GET falls back to index.html for client-side routes. */
function serveWebApp(app: NestExpressApplication, webDist: string) {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) return;
  // Static files only outside /api: serve-static would otherwise stat the disk for every API call.
  const assets = express.static(webDist, { index: false, maxAge: '1h' });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.path.startsWith('/api')) return next();
    assets(req, res, () => (req.method === 'GET' ? res.sendFile(index) : next()));
  });
}
