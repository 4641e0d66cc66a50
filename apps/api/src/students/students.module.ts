import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EngineModule } from '../engine/engine.module';
import { IdentityModule } from '../identity/identity.module';
import { StudentStatusRepository } from './student-status.repository';
import { StudentStatusService } from './student-status.service';
import { StudentsController } from './students.controller';
import { StudentsService } from './students.service';
import { StudentsRepository } from './students.repository';

/** The student roster. The student file (students with their cases) is the case-file module, above workflow. */
@Module({
  imports: [AuditModule, EngineModule, IdentityModule],
  controllers: [StudentsController],
  providers: [StudentsService, StudentStatusService, StudentStatusRepository, StudentsRepository],
  exports: [StudentsService, StudentStatusService],
})
export class StudentsModule {}
