import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { RetentionCleanup } from './retention-cleanup';
import { RetentionController } from './retention.controller';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** History retention (#18): the cleanup the job worker runs, and the administrator's record of it. */
@Module({
  imports: [IdentityModule],
  controllers: [RetentionController],
  providers: [RetentionRepository, RetentionService, RetentionCleanup],
  exports: [RetentionCleanup],
})
export class RetentionModule {}
