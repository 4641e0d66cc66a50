import { Module } from '@nestjs/common';
import { ComparisonService } from './comparison.service';
import { ComparisonsRepository } from './comparisons.repository';
import { ComparisonsController } from './comparisons.controller';

/** Comparing two registers; its findings land on the ledgers (ledgers/ledger-landing.ts, a plain function). */
@Module({ controllers: [ComparisonsController], providers: [ComparisonService, ComparisonsRepository] })
export class ComparisonModule {}
