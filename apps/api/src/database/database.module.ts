import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import { DbGate } from './db-gate';
import { StatisticsUpkeep } from './statistics-upkeep';

/**
 * The one DataSource, the SQLite write gate, and (PostgreSQL without autovacuum) the statistics upkeep. Global like the configuration: they are the floor every feature
 * stands on. Which code may use the DataSource's query APIs is a lint rule (ARCHITECTURE.md "Layers").
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config))],
      providers: [{ provide: DbGate, useValue: new DbGate(config.database.kind === 'sqlite') }, StatisticsUpkeep],
      exports: [DbGate],
    };
  }
}
