import { Module } from '@nestjs/common';
import * as path from 'path';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { FILE_STORE, LocalDiskFileStore } from './file-store';

/** Uploaded files: their bytes in the file store (DATA_DIR/files), their rows in the database. */
@Module({
  controllers: [AttachmentsController],
  providers: [
    {
      provide: FILE_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskFileStore(path.join(config.dataDir, 'files')),
    },
    AttachmentsService,
    AttachmentsRepository,
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
