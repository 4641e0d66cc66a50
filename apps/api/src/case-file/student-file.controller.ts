import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { StudentFileService } from './student-file.service';

/** The student file reads students and their cases together, so it lives above both (see ARCHITECTURE.md "Layers"). */
@ApiTags('students')
@ApiBearerAuth()
@Controller('students')
export class StudentFileController {
  constructor(private readonly files: StudentFileService) {}

  @Get(':id/file')
  @ApiOperation({
    summary:
      'The student file (一生一案): {student (full ID, audited), instances:[{…, timeline, stepNames}], submissions, decisions, returns, comments, attachments, events (all in time order)} / 学生档案',
  })
  file(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.files.file(p, id);
  }
}
