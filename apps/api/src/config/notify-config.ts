import * as fs from 'fs';
import { z } from 'zod';

/** The external channels besides in-app, by the names preferences and the outbox use. */
export const EXTERNAL_CHANNELS = ['wecom', 'dingtalk', 'sms', 'email'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

const url = z.string().url();
const countySchema = z
  .object({
    /** 企业微信群机器人: the webhook address with its key */
    wecom: z.object({ webhook: url }).strict().optional(),
    /** 钉钉群机器人 with 加签: the webhook address with its access_token, and the SEC… secret */
    dingtalk: z
      .object({ webhook: url, secret: z.string().min(8) })
      .strict()
      .optional(),
    /** SMS through a provider; `aliyun` is 阿里云短信服务 SendSms (RPC style, HMAC-SHA1 signature) */
    sms: z
      .object({
        provider: z.literal('aliyun'),
        endpoint: url.default('https://dysmsapi.aliyuncs.com/'),
        accessKeyId: z.string().min(1),
        accessKeySecret: z.string().min(1),
        signName: z.string().min(1),
        /** a template with the variables ${title} and ${message} */
        templateCode: z.string().min(1),
        regionId: z.string().default('cn-hangzhou'),
      })
      .strict()
      .optional(),
    email: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535),
        /** TLS from the first byte (465); otherwise STARTTLS when the server offers it */
        secure: z.boolean().default(false),
        user: z.string().optional(),
        pass: z.string().optional(),
        from: z.string().min(3),
      })
      .strict()
      .optional(),
    /** channels of a user with no preference of their own or of their roles (default: none, in-app only) */
    defaultChannels: z.array(z.enum(EXTERNAL_CHANNELS)).default([]),
  })
  .strict();

export type CountyChannels = z.infer<typeof countySchema>;

export interface NotifyConfig {
  /** by county code (tenant.code) */
  counties: Record<string, CountyChannels>;
  /** tries before a delivery becomes a dead letter */
  maxAttempts: number;
  /** the wait before the 2nd try; doubled for each further one, at most an hour */
  retryBaseMs: number;
  /** how often each process looks for due deliveries; 0 = never (tests drive the worker) */
  pollMs: number;
  /** how long a claimed delivery stays the claimer's; a crashed process's rows are taken over after this */
  leaseMs: number;
  /** the hour (China time, 0–23) the daily digests go out */
  digestHour: number;
  /** one HTTP call or SMTP session at most this long */
  timeoutMs: number;
}

const envSchema = z.object({
  NOTIFY_CHANNELS: z.string().optional(),
  NOTIFY_CHANNELS_FILE: z.string().optional(),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(0).default(30_000),
  NOTIFY_POLL_MS: z.coerce.number().int().min(0).default(2000),
  NOTIFY_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
  NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
});

/**
 * Channel configuration per county, from `NOTIFY_CHANNELS` (JSON) or `NOTIFY_CHANNELS_FILE` (a JSON file kept out of
 * git): `{ "<county code>": { "wecom": {...}, "dingtalk": {...}, "sms": {...}, "email": {...}, "defaultChannels": [...] } }`.
 * Secrets are written as `${ENV_NAME}` and taken from the environment, so the file itself holds none. Anything
 * wrong (bad JSON, an unknown key, a missing variable) stops the start with a message naming it.
 */
export function loadNotifyConfig(env: NodeJS.ProcessEnv = process.env): NotifyConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(`notification settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  const text = e.NOTIFY_CHANNELS ?? (e.NOTIFY_CHANNELS_FILE ? readFile(e.NOTIFY_CHANNELS_FILE) : '{}');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`NOTIFY_CHANNELS: not JSON (${(err as Error).message})`);
  }
  const counties = z.record(z.string().regex(/^\d{6}$/, 'a county code of 6 digits'), countySchema).safeParse(expand(raw, env, ''));
  if (!counties.success) {
    throw new Error(`NOTIFY_CHANNELS: ${counties.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return {
    counties: counties.data,
    maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    retryBaseMs: e.NOTIFY_RETRY_BASE_MS,
    pollMs: e.NOTIFY_POLL_MS,
    leaseMs: e.NOTIFY_LEASE_MS,
    digestHour: e.NOTIFY_DIGEST_HOUR,
    timeoutMs: e.NOTIFY_TIMEOUT_MS,
  };
}

/** The channels a county has configured (in the order of EXTERNAL_CHANNELS). */
export function configuredChannels(county: CountyChannels | undefined): ExternalChannel[] {
  return county ? EXTERNAL_CHANNELS.filter((c) => county[c]) : [];
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`NOTIFY_CHANNELS_FILE: cannot read ${file} (${(err as Error).message})`);
  }
}

/** `${NAME}` in any string is replaced by the environment variable NAME, which must be set. */
function expand(value: unknown, env: NodeJS.ProcessEnv, at: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name: string) => {
      const v = env[name];
      if (v === undefined || v === '') throw new Error(`NOTIFY_CHANNELS: ${at} names \${${name}}, which is not set`);
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => expand(v, env, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v, env, at ? `${at}.${k}` : k)]));
  }
  return value;
}

export const NOTIFY_CONFIG = 'kcbx:notify-config';
