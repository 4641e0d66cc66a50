import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { FirstAdminService } from '../first-admin/first-admin.service';
import { PasswordService } from '../identity/password.service';
import { seedCounty } from '../seed/county-seeder';
import { DemoCasesSeeder } from '../seed/demo-cases';
import { DemoCountyRepository } from '../seed/demo-county.repository';
import { StartupRepository } from './startup.repository';

export const DEMO_COUNTY = '640422';
const SEEDED_TABLES = ['tenant', 'org_unit', 'app_user', 'role', 'role_assignment'];

/** On start: migrate (once across processes), then seed the demo county into an empty database. */
@Injectable()
export class DatabaseBootstrap implements OnApplicationBootstrap {
  private readonly log = new Logger('database');

  constructor(
    private readonly database: StartupRepository,
    private readonly demoCounty: DemoCountyRepository,
    private readonly passwords: PasswordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly demoCases: DemoCasesSeeder,
    private readonly firstAdmin: FirstAdminService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.database.migrateUnderLock(async () => {
      if (!this.config.seedDemo) return;
      if (await this.database.hasCounty()) return;
      const passwordHash = await this.passwords.hash(this.config.demoPassword);
      const { tenantId } = await seedCounty(this.demoCounty, {
        countyCode: DEMO_COUNTY,
        usernamePrefix: '',
        passwordHash,
        withCases: this.config.seedDemoCases,
      });
      if (this.config.seedDemoCases && this.config.seedDemoWorkflows) await this.demoCases.seed(tenantId);
      // A just-seeded PostgreSQL has no statistics until autovacuum's first pass, and plans made blind
      // joined whole tables (the inbox took 10–20 ms a query under load): collect them for what the seed filled.
      // Not for the workflow tables, empty now: analysed empty, they would be planned as empty (sequential scans)
      // until autovacuum's next pass however fast they grow; never analysed, their size is read as they grow.
      await this.database.analyze(SEEDED_TABLES);
      this.log.log('demo county 西吉县 (640422) seeded');
    });
    this.log.log(`database ready (${this.database.driver})`);
    if (this.config.env === 'production') {
      // nobody can log in yet: say how to make the county and its first administrator (plain text, for the operator)
      const notice = await this.firstAdmin.firstStartNotice();
      if (notice) process.stdout.write(notice);
    }
    await this.warnWithoutAutovacuum();
  }

  /**
   * Without autovacuum PostgreSQL never refreshes its statistics: the workflow tables stay planned as the
   * empty tables they were, and under load the inbox and engine queries drift to whole-table scans (measured
   * in the API bench). Said once at start, so whoever runs the server can turn it back on.
   */
  private async warnWithoutAutovacuum(): Promise<void> {
    if (await this.database.autovacuumOff()) {
      this.log.warn(
        'PostgreSQL 的 autovacuum 已关闭：统计信息不会更新，数据增长后查询会变慢，请开启 / autovacuum is off on this PostgreSQL server: statistics are never refreshed and queries slow down as the tables grow; turn it on',
      );
    }
  }
}
