import { Module } from '@nestjs/common';
import { RegionsController } from './regions.controller';

/** GB/T 2260 divisions for region pickers (no database). */
@Module({ controllers: [RegionsController] })
export class RegionsModule {}
