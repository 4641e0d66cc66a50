import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';

/** Liveness (/api/health); readiness is in monitoring. */
@Module({ controllers: [HealthController], providers: [HealthRepository] })
export class HealthModule {}
