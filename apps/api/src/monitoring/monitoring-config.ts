import { z } from 'zod';
import { ConfigError } from '../config/app-config';

/**
 * METRICS_TOKEN: /api/metrics answers only with `Authorization: Bearer <token>` (Prometheus `authorization`
 * in its scrape config); unset, the endpoint is off. JOB_OVERDUE_AFTER_SECONDS: a job still waiting this long
 * after its due time is overdue (no worker took it, or it keeps failing and backing off).
 */
const schema = z.object({
  METRICS_TOKEN: z.string().min(24, 'at least 24 characters (e.g. openssl rand -hex 24)').optional(),
  JOB_OVERDUE_AFTER_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
});

export interface MonitoringConfig {
  metricsToken: string | null;
  jobOverdueAfterMs: number;
}

export function loadMonitoringConfig(env: NodeJS.ProcessEnv = process.env): MonitoringConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration / 配置无效:\n${lines.join('\n')}`);
  }
  return { metricsToken: parsed.data.METRICS_TOKEN ?? null, jobOverdueAfterMs: parsed.data.JOB_OVERDUE_AFTER_SECONDS * 1000 };
}

export const MONITORING_CONFIG = Symbol('MONITORING_CONFIG');
