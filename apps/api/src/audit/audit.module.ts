import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditEntriesRepository } from '../audit-log/audit-entries.repository';
import { AuditService } from '../audit-log/audit.service';

/**
 * The audit log: every write request (the interceptor) and the reads that must be audited (full ID numbers).
 * Global because identity, below this folder's layer, audits logins and refused references with AuditService
 * (which lives in audit-log/, under identity): identity cannot import this module.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditEntriesRepository, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}
