import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { ApiKeysController, ExternalTasksController } from './external-tasks.controller';
import { ExternalTasksService } from './external-tasks.service';

/** External workers over HTTP (#18): county API keys and the external-task routes. */
@Module({
  imports: [EngineModule],
  controllers: [ExternalTasksController, ApiKeysController],
  providers: [ApiKeysRepository, ApiKeysService, ApiKeyGuard, ExternalTasksService],
})
export class ExternalTasksModule {}
