import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pickLanguage } from '../common/language';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { FormDraftsService } from './form-drafts.service';
import { FormPublishingService } from './form-publishing.service';

/** The form builder's API: drafts, publishing a new version, the version list. Policy designers only. */
@ApiTags('form design')
@ApiBearerAuth()
@Controller()
export class FormDesignController {
  constructor(
    private readonly drafts: FormDraftsService,
    private readonly publishing: FormPublishingService,
  ) {}

  @Get('form-drafts')
  @RequirePermission('design')
  @ApiOperation({ summary: "The county's form drafts / 表单草稿" })
  list(@CurrentUser() p: Principal) {
    return this.drafts.list(p.tenantId);
  }

  @Get('forms/:key/draft')
  @RequirePermission('design')
  @ApiOperation({ summary: 'The draft of a form / 读取草稿' })
  draft(@CurrentUser() p: Principal, @Param('key') key: string) {
    return this.drafts.get(p.tenantId, key);
  }

  @Put('forms/:key/draft')
  @RequirePermission('design')
  @ApiOperation({ summary: 'Save the draft ({definition}); not validated / 保存草稿' })
  save(@CurrentUser() p: Principal, @Param('key') key: string, @Body() body: unknown) {
    return this.drafts.save(p, key, body);
  }

  @Delete('forms/:key/draft')
  @RequirePermission('design')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard the draft / 放弃草稿' })
  discard(@CurrentUser() p: Principal, @Param('key') key: string) {
    return this.drafts.discard(p.tenantId, key);
  }

  @Post('forms/:key/publish')
  @RequirePermission('design')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the draft (or {definition}) as the next version; 400 with every problem located / 发布新版本' })
  publish(@CurrentUser() p: Principal, @Param('key') key: string, @Body() body: unknown, @Headers('accept-language') lang?: string) {
    return this.publishing.publish(p, key, body, pickLanguage(lang));
  }

  @Get('forms/:key/versions')
  @RequirePermission('design')
  @ApiOperation({ summary: 'Published versions, newest first / 版本列表' })
  versions(@CurrentUser() p: Principal, @Param('key') key: string) {
    return this.publishing.versions(p.tenantId, key);
  }
}
