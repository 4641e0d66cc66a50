import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { StudentsModule } from '../students/students.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { StudentFileController } from './student-file.controller';
import { StudentFileRepository } from './student-file.repository';
import { StudentFileService } from './student-file.service';

/** 一生一案: a read module over students and their cases (the only place that joins the two). */
@Module({
  imports: [EngineModule, StudentsModule, WorkflowModule],
  controllers: [StudentFileController],
  providers: [StudentFileService, StudentFileRepository],
})
export class CaseFileModule {}
