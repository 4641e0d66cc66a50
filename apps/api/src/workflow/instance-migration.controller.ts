import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CurrentUser } from '../identity/decorators';
import type { Principal } from '../identity/principal';
import { InstanceMigrationService } from './instance-migration.service';

export class MigrateDto {
  @ApiProperty({ description: 'the version (definition id) to move the running cases to' })
  @IsString({ message: '请选择目标版本 / toDefinitionId must be text' })
  @MinLength(1, { message: '请选择目标版本 / choose the target version' })
  @MaxLength(64, { message: '目标版本标识过长 / toDefinitionId is too long' })
  toDefinitionId!: string;
}

@ApiTags('process definitions / 流程定义')
@Controller('process-definitions')
export class InstanceMigrationController {
  constructor(private readonly migration: InstanceMigrationService) {}

  @Post(':id/migrate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move the running cases of this version to another version of the same procedure: {migrated, refused: [{instanceId, missing}]} / 迁移运行中的案件',
  })
  @ApiQuery({ name: 'dryRun', required: false, description: 'true: say what would move, move nothing / 预览' })
  migrate(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: MigrateDto, @Query('dryRun') dryRun?: string) {
    return this.migration.migrate(p, id, body.toDefinitionId, dryRun === 'true');
  }
}
