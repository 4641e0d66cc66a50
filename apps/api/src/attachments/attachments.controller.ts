import { Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { GateFreeUpload } from '../database/gate-free-upload';
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
  // Read outside the SQLite gate and cut off at the limit, so a huge or half-sent upload stalls no one else.
  @UseInterceptors(GateFreeUpload('file', MAX_ATTACHMENT_BYTES))
  upload(@CurrentUser() p: Principal, @UploadedFile() file: Express.Multer.File | undefined, @Query('orgUnit') orgUnit?: string) {
    if (!file) throw Errors.badFile('BAD_FILE/missing');
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
