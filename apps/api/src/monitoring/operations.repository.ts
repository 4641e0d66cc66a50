import { Injectable } from '@nestjs/common';
import type { IncidentRecord, JobRecord, TaskRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { Tenant } from '../database/entities';

export interface CountyCount {
  county: string;
  n: number;
}

/** The counts monitoring reads, through the engine's entity schemas (no table names spelled out here). */
@Injectable()
export class OperationsRepository {
  constructor(private readonly ds: DataSource) {}

  async ping(): Promise<void> {
    await this.ds.query('SELECT 1');
  }

  async appliedMigrations(): Promise<string[]> {
    const rows: { name: string }[] = await this.ds.query('SELECT name FROM migrations ORDER BY id');
    return rows.map((r) => r.name);
  }

  /** open tasks per county, and those of them past their due time */
  async openTasks(now: number): Promise<{ open: CountyCount[]; overdue: CountyCount[] }> {
    const rows = await this.ds
      .getRepository<TaskRecord>(ENGINE_SCHEMAS.task)
      .createQueryBuilder('t')
      .innerJoin(Tenant, 'c', 'c.id = t.tenantId')
      .select('c.code', 'county')
      .addSelect('COUNT(*)', 'open')
      .addSelect('SUM(CASE WHEN t.dueAt IS NOT NULL AND t.dueAt < :now THEN 1 ELSE 0 END)', 'overdue')
      .where("t.state = 'created'")
      .setParameters({ now })
      .groupBy('c.code')
      .getRawMany<{ county: string; open: string | number; overdue: string | number | null }>();
    return {
      open: rows.map((r) => ({ county: r.county, n: Number(r.open) })),
      overdue: rows.map((r) => ({ county: r.county, n: Number(r.overdue ?? 0) })),
    };
  }

  /** jobs due and still to run (the backlog), those overdue by `graceMs`, and those out of retries */
  async jobs(now: number, graceMs: number): Promise<{ due: number; overdue: number; failed: number }> {
    const [r] = await this.ds
      .getRepository<JobRecord>(ENGINE_SCHEMAS.job)
      .createQueryBuilder('j')
      .select('SUM(CASE WHEN j.retries > 0 AND j.dueAt <= :now THEN 1 ELSE 0 END)', 'due')
      .addSelect('SUM(CASE WHEN j.retries > 0 AND j.dueAt <= :late THEN 1 ELSE 0 END)', 'overdue')
      .addSelect('SUM(CASE WHEN j.retries <= 0 THEN 1 ELSE 0 END)', 'failed')
      .setParameters({ now, late: now - graceMs })
      .getRawMany<{ due: string | null; overdue: string | null; failed: string | null }>();
    return { due: Number(r?.due ?? 0), overdue: Number(r?.overdue ?? 0), failed: Number(r?.failed ?? 0) };
  }

  async openIncidents(): Promise<CountyCount[]> {
    const rows = await this.ds
      .getRepository<IncidentRecord>(ENGINE_SCHEMAS.incident)
      .createQueryBuilder('i')
      .innerJoin(Tenant, 'c', 'c.id = i.tenantId')
      .select('c.code', 'county')
      .addSelect('COUNT(*)', 'n')
      .where("i.state = 'open'")
      .groupBy('c.code')
      .getRawMany<{ county: string; n: string | number }>();
    return rows.map((r) => ({ county: r.county, n: Number(r.n) }));
  }

  /** one county's jobs that are overdue or out of retries, oldest first, bounded */
  async problemJobs(tenantId: string, now: number, graceMs: number, limit = 100): Promise<JobRecord[]> {
    return this.ds
      .getRepository<JobRecord>(ENGINE_SCHEMAS.job)
      .createQueryBuilder('j')
      .where('j.tenantId = :tenantId', { tenantId })
      .andWhere('(j.retries <= 0 OR j.dueAt <= :late)', { late: now - graceMs })
      .orderBy('j.dueAt', 'ASC')
      .take(limit)
      .getMany();
  }
}
