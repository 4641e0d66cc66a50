import { Injectable } from '@nestjs/common';
import type { RetentionOverview, RetentionRunView } from '@kcbx/api-contract';
import { RetentionRun } from '../database/entities';
import { DEFAULT_RETENTION, retentionOf } from '@kcbx/county-package';
import { RetentionRepository } from './retention.repository';

const SHOWN_RUNS = 60;

@Injectable()
export class RetentionService {
  constructor(private readonly repo: RetentionRepository) {}

  async overview(tenantId: string): Promise<RetentionOverview> {
    const xml = await this.repo.parametersXml(tenantId);
    const runs = await this.repo.runs(tenantId, SHOWN_RUNS);
    let configured: string | null;
    try {
      configured = retentionOf(xml);
    } catch (err) {
      // the cleanup removes nothing in this county until the parameter is corrected
      return { retention: DEFAULT_RETENTION, source: 'invalid', problem: (err as Error).message, runs: runs.map(view) };
    }
    return {
      retention: configured ?? DEFAULT_RETENTION,
      source: configured ? 'county-parameters' : 'default',
      problem: null,
      runs: runs.map(view),
    };
  }
}

function view(r: RetentionRun): RetentionRunView {
  return {
    id: r.id,
    day: r.day,
    retention: r.retention,
    cutoff: r.cutoff,
    status: r.status,
    instances: r.instances,
    removed: JSON.parse(r.removed) as Record<string, number>,
    runBy: r.runBy,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}
