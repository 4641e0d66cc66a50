import 'reflect-metadata';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { PasswordService } from '../../src/identity/password.service';
import { seedCounty } from '../../src/seed/county-seeder';
import { DemoCountyRepository } from '../../src/seed/demo-county.repository';
import { createTestDatabase, TestDatabase } from './test-database';

export const DEMO_PASSWORD = 'Test@2026pass';
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  db: TestDatabase;
  ds: DataSource;
  http: () => ReturnType<typeof request>;
  /** Bearer token for a demo user. */
  login(username: string, password?: string): Promise<string>;
  /** Adds Longde County (640423) with the same demo users prefixed "ld-": the second tenant. */
  seedSecondCounty(): Promise<string>;
  /** Stops the server, keeping the database (for restart tests). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export function testConfig(db: TestDatabase, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: db.dataDir,
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    JWT_SECRET: TEST_JWT_SECRET,
    DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
    // Most suites want a quiet county; the ones about the living demo ask for its cases.
    SEED_DEMO_CASES: 'false',
    // The demo workflow cases fill inboxes; suites that count inbox rows must not get them unasked.
    SEED_DEMO_WORKFLOWS: 'false',
    ...env,
  });
}

/** The real app (all modules, real database, migrations and demo seed) on an ephemeral in-process server. */
export async function startTestApp(options: { env?: Record<string, string>; db?: TestDatabase } = {}): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const config = testConfig(db, options.env);
  const app = await createApp(config);
  const ds = app.get(DataSource);
  const http = () => request(app.getHttpServer());
  let stopped = false;
  const stop = async () => {
    if (!stopped) await app.close();
    stopped = true;
  };
  return {
    app,
    config,
    db,
    ds,
    http,
    async login(username, password = DEMO_PASSWORD) {
      const res = await http().post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async seedSecondCounty() {
      const passwordHash = await app.get(PasswordService).hash(DEMO_PASSWORD);
      const { tenantId } = await seedCounty(app.get(DemoCountyRepository), {
        countyCode: '640423',
        usernamePrefix: 'ld-',
        passwordHash,
        withCases: config.seedDemoCases,
      });
      return tenantId;
    },
    stop,
    async close() {
      await stop();
      await db.drop();
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
