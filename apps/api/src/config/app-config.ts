import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { loadNotifyConfig, NotifyConfig } from './notify-config';

/**
 * Typed configuration read once at start. Everything has a working default for `npm start` on a laptop;
 * in production mode secrets must be given explicitly.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  JWT_SECRET: z.string().min(32).optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(1800),
  DEMO_PASSWORD: z.string().min(8).default('Xiji@2026'),
  // default: on outside production; production never seeds the demo county unless asked (SEED_DEMO=true)
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  SEED_DEMO_CASES: z.enum(['true', 'false']).default('true'),
  SEED_DEMO_WORKFLOWS: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  // Express's "trust proxy": which proxy may name the client address (X-Forwarded-For), e.g. "loopback" behind nginx
  TRUST_PROXY: z.string().max(200).optional(),
  WEB_DIST: z.string().optional(),
  JOB_POLL_MS: z.coerce.number().int().min(0).default(1000),
  JOB_LOCK_MS: z.coerce.number().int().min(100).default(300_000),
  LEDGER_DROPOUT_AFTER_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  jwtSecret: string;
  jwtTtlSeconds: number;
  demoPassword: string;
  seedDemo: boolean;
  /** Demo registers, comparison and ledger entries (and later cases) on top of the demo county. */
  seedDemoCases: boolean;
  /** With demo cases: deploy the county package (forms/, workflows/) and play the demo stories (seed/demo-stories.ts). */
  seedDemoWorkflows: boolean;
  logLevel: string;
  /**
   * failed logins: `maxFailures` per username (four times that per client address) go free, each further one
   * doubles the wait before the next attempt (per username at most 30 s, per address at most 15 min);
   * counts are forgotten `lockMinutes` after the last failure
   */
  login: { maxFailures: number; lockMinutes: number };
  /** a login's absolute end, however often its token is refreshed */
  sessionMaxHours: number;
  /** Express's "trust proxy" setting, or undefined: the socket's address is the client's */
  trustProxy?: string;
  webDist: string;
  /** how often each process looks for due timers and jobs; 0 = never (tests drive it) */
  jobPollMs: number;
  /** how long a job taken by a process stays its own; a crashed process's jobs are taken over after this */
  jobLockMs: number;
  /** a suspected-dropout entry not signed off this many days after it was entered goes on the dropout ledger too */
  ledgerDropoutAfterDays: number;
  /**
   * how long a signed-in user's roles and scope, and the latest version of each form, are reused between
   * requests; this process forgets them at once when they change, other processes after this long; 0 = off
   */
  cacheMs: number;
  /** external notification channels per county, retries, digest hour (NOTIFY_*; config/notify-config.ts) */
  notify: NotifyConfig;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration / 配置无效:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.DATA_DIR);
  if (c.NODE_ENV === 'production') {
    if (!c.JWT_SECRET) throw new ConfigError('JWT_SECRET is required in production / 生产模式必须设置 JWT_SECRET');
    if (!c.DATABASE_URL) throw new ConfigError('DATABASE_URL is required in production / 生产模式必须设置 DATABASE_URL');
  }
  let notify: NotifyConfig;
  try {
    notify = loadNotifyConfig(env);
  } catch (err) {
    throw new ConfigError(`Invalid configuration / 配置无效:\n  ${(err as Error).message}`);
  }
  return {
    notify,
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    dataDir,
    database: c.DATABASE_URL ? { kind: 'postgres', url: c.DATABASE_URL } : { kind: 'sqlite', file: path.join(dataDir, 'kcbx.sqlite') },
    jwtSecret: c.JWT_SECRET ?? developmentSecret(dataDir),
    jwtTtlSeconds: c.JWT_TTL_SECONDS,
    demoPassword: c.DEMO_PASSWORD,
    seedDemo: (c.SEED_DEMO ?? (c.NODE_ENV === 'production' ? 'false' : 'true')) === 'true',
    seedDemoCases: c.SEED_DEMO_CASES === 'true',
    seedDemoWorkflows: c.SEED_DEMO_WORKFLOWS === 'true',
    logLevel: c.LOG_LEVEL,
    login: { maxFailures: c.LOGIN_MAX_FAILURES, lockMinutes: c.LOGIN_LOCK_MINUTES },
    sessionMaxHours: c.SESSION_MAX_HOURS,
    trustProxy: c.TRUST_PROXY,
    jobPollMs: c.JOB_POLL_MS,
    jobLockMs: c.JOB_LOCK_MS,
    ledgerDropoutAfterDays: c.LEDGER_DROPOUT_AFTER_DAYS,
    cacheMs: c.CACHE_MS,
    webDist: path.resolve(c.WEB_DIST ?? path.join(__dirname, '..', '..', '..', '..', 'web')),
  };
}

/** Outside production: a random secret kept in the data folder, so sessions survive a restart. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, '.jwt-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
