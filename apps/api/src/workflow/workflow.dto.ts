import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Bodies of the workflow calls; messages name the field in Chinese first (the clerks' language). */
export class StartDto {
  @ApiPropertyOptional({ example: '640422201203050017' })
  @IsOptional()
  @IsString({ message: '业务键应为文字 / businessKey must be text' })
  @MaxLength(255)
  businessKey?: string;
  @ApiPropertyOptional({ example: '64042210001', description: "org unit code; default: the caller's first unit allowed to start" })
  @IsOptional()
  @IsString({ message: '单位代码应为文字 / orgUnit must be text' })
  orgUnit?: string;
  @ApiPropertyOptional({ description: "the student the case concerns (must be in the caller's scope)" })
  @IsOptional()
  @IsString({ message: '学生编号应为文字 / studentId must be text' })
  studentId?: string;
  @ApiPropertyOptional({ description: 'process variables' })
  @IsOptional()
  @IsObject({ message: 'variables 应为对象 / variables must be an object' })
  variables?: Record<string, unknown>;
  @ApiPropertyOptional({ description: "the start form's data, validated against the start form" })
  @IsOptional()
  @IsObject({ message: '表单数据应为对象 / data must be an object' })
  data?: Record<string, unknown>;
}

export class ReturnTaskDto {
  @ApiProperty({ example: '请补充县级及以上医院诊断证明' })
  @IsString({ message: '请填写退回原因 / reason is required' })
  @MinLength(1, { message: '请填写退回原因 / reason is required' })
  @MaxLength(2000, { message: '退回原因不能超过 2000 字 / at most 2000 characters' })
  reason!: string;
  @ApiPropertyOptional({ example: 'apply', description: 'the earlier user task to return to; default: the previous step' })
  @IsOptional()
  @IsString({ message: '目标环节应为文字 / targetElementId must be text' })
  targetElementId?: string;
}

export class DelegateTaskDto {
  @ApiProperty({ example: 'teacher' })
  @IsString({ message: '请填写转办对象的用户名 / username is required' })
  @MinLength(1, { message: '请填写转办对象的用户名 / username is required' })
  username!: string;
}

export class CommentDto {
  @ApiProperty({ example: '已电话联系家长，周五家访' })
  @IsString({ message: '请填写意见内容 / body is required' })
  @MinLength(1, { message: '请填写意见内容 / body is required' })
  @MaxLength(4000, { message: '意见不能超过 4000 字 / at most 4000 characters' })
  body!: string;
}

export class LinkAttachmentDto {
  @ApiProperty({ description: 'id of an attachment uploaded with POST /api/attachments' })
  @IsString({ message: '请指定附件 / attachmentId is required' })
  attachmentId!: string;
}

export class VariablesDto {
  @ApiProperty({ example: { amount: 1200 } }) @IsObject({ message: '变量应为对象 / variables must be an object' }) variables!: Record<
    string,
    unknown
  >;
}
