import { Module } from '@nestjs/common';
import { Engine } from '@kcbx/engine';
import { TypeOrmStore } from '@kcbx/engine-store-typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { engineProvider, engineStoreProvider } from './engine.provider';

/** The workflow engine over the app's database (deadlines in working days by the county calendar): one Engine per process, imported by every feature that drives or reads it. */
@Module({ imports: [CalendarModule], providers: [engineStoreProvider, engineProvider], exports: [Engine, TypeOrmStore] })
export class EngineModule {}
