import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { timingSafeEqual } from 'crypto';
import type { Response } from 'express';
import { AppError } from '../common/app-error';
import { Public } from '../identity/decorators';
import { MetricsService } from './metrics.service';
import { MONITORING_CONFIG, MonitoringConfig } from './monitoring-config';
import { ReadinessService } from './readiness.service';

@ApiTags('health')
@Controller()
export class MonitoringController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly metrics: MetricsService,
    @Inject(MONITORING_CONFIG) private readonly config: MonitoringConfig,
  ) {}

  @Public()
  @Get('health/ready')
  @ApiOperation({ summary: 'Readiness: database, migrations, job worker; 503 with the failing checks / 就绪检查' })
  async ready(@Res({ passthrough: true }) res: Response) {
    const r = await this.readiness.check();
    if (!r.ready) res.status(503);
    return { status: r.ready ? 'ready' : 'not-ready', ...r.checks };
  }

  @Public()
  @Get('metrics')
  @ApiOperation({ summary: 'Prometheus metrics; Authorization: Bearer METRICS_TOKEN / 监控指标' })
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    const token = this.config.metricsToken;
    if (!token) {
      throw new AppError('METRICS_OFF');
    }
    if (!sameSecret(authorization ?? '', `Bearer ${token}`)) {
      throw new AppError('METRICS_TOKEN_INVALID');
    }
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(await this.metrics.text());
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
