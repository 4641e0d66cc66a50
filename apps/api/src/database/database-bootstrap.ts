import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { PasswordService } from '../identity/password.service';
import { seedCounty } from '../seed/county-seeder';
import { DemoCasesSeeder } from '../seed/demo-cases';
import { migrateUnderLock } from './migrate';

export const DEMO_COUNTY = '640422';
const SEEDED_TABLES = ['tenant', 'org_unit', 'app_user', 'role', 'role_assignment'];

/** On start: migrate (once across processes), then seed the demo county into an empty database. */
@Injectable()
export class DatabaseBootstrap implements OnApplicationBootstrap {
  private readonly log = new Logger('database');

  constructor(
    private readonly ds: DataSource,
    private readonly passwords: PasswordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly demoCases: DemoCasesSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await migrateUnderLock(this.ds, async () => {
      if (!this.config.seedDemo) return;
      const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM tenant');
      if (Number(n) > 0) return;
      const passwordHash = await this.passwords.hash(this.config.demoPassword);
      const { tenantId } = await seedCounty(this.ds, { countyCode: DEMO_COUNTY, usernamePrefix: '', passwordHash, withCases: this.config.seedDemoCases });
      if (this.config.seedDemoCases && this.config.seedDemoWorkflows) await this.demoCases.seed(tenantId);
      // A just-seeded PostgreSQL has no statistics until autovacuum's first pass, and plans made blind
      // joined whole tables (the inbox took 10–20 ms a query under load): collect them for what the seed filled.
      // Not for the workflow tables, empty now: analysed empty, they would be planned as empty (sequential scans)
      // until autovacuum's next pass however fast they grow; never analysed, their size is read as they grow.
      if (this.ds.options.type === 'postgres') await this.ds.query(`ANALYZE ${SEEDED_TABLES.join(', ')}`);
      this.log.log('demo county 西吉县 (640422) seeded');
    });
    this.log.log(`database ready (${this.ds.options.type})`);
  }
}
