import { Module } from '@nestjs/common';
import { RegistersController } from './registers.controller';
import { RegisterImportService } from './register-import.service';
import { RegisterImportsRepository } from './register-imports.repository';

/** Imported registers (学籍, 户籍, …): one import per file, its rows checked and kept. */
@Module({ controllers: [RegistersController], providers: [RegisterImportService, RegisterImportsRepository] })
export class RegistersModule {}
