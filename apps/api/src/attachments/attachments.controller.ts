import { Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Errors } from '../common/app-error';
import { CurrentUser } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { AttachmentsService, MAX_ATTACHMENT_BYTES } from './attachments.service';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload evidence (PDF, JPEG, PNG, DOCX, XLSX; 20 MB) / 上传附件' })
  // Multer stops reading one byte past the limit, so a huge upload is cut off rather than buffered whole.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1 } }))
  upload(@CurrentUser() p: Principal, @UploadedFile() file: Express.Multer.File | undefined, @Query('orgUnit') orgUnit?: string) {
    if (!file) throw Errors.badFile('Attach the file as multipart field "file"', '请以 file 字段上传文件');
    return this.attachments.upload(p, file, orgUnit);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Download an attachment in scope / 下载附件' })
  async download(@CurrentUser() p: Principal, @Param('id') id: string, @Res() res: Response) {
    const { meta, bytes } = await this.attachments.download(p, id);
    res.setHeader('Content-Type', meta.mime);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.name)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(bytes);
  }
}
