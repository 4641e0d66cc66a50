import { Module } from '@nestjs/common';
import { FirstAdminModule } from '../first-admin/first-admin.module';
import { IdentityModule } from '../identity/identity.module';
import { SeedModule } from '../seed/seed.module';
import { DatabaseBootstrap } from './database-bootstrap';
import { StartupRepository } from './startup.repository';

/**
 * What a server does once on start: migrate, seed the demo county into an empty database, say how to make the
 * first administrator. Above seed and first-admin, so the database layer imports neither.
 */
@Module({ imports: [FirstAdminModule, IdentityModule, SeedModule], providers: [DatabaseBootstrap, StartupRepository] })
export class StartupModule {}
