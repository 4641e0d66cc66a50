import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Bodies of the approval verbs (加签, 会签, 撤回, 抄送, 催办, 批量审批). */
export class AddSignersDto {
  @ApiProperty({ example: ['principal2'], description: 'usernames of the added signers, in signing order' })
  @IsArray({ message: '请选择加签人 / usernames must be a list' })
  @ArrayMinSize(1, { message: '请选择加签人 / choose at least one signer' })
  @ArrayMaxSize(20, { message: '最多加签 20 人 / at most 20 signers' })
  @IsString({ each: true, message: '用户名应为文字 / usernames must be text' })
  usernames!: string[];
  @ApiProperty({ enum: ['before', 'after', 'parallel'], description: '前加签, 后加签, or parallel (会签 / 或签)' })
  @IsIn(['before', 'after', 'parallel'], { message: '加签方式应为 before、after 或 parallel / mode must be before, after or parallel' })
  mode!: 'before' | 'after' | 'parallel';
  @ApiPropertyOptional({ enum: ['all', 'ratio', 'any'], description: 'parallel only: all (会签), ratio, any (或签); default all' })
  @IsOptional()
  @IsIn(['all', 'ratio', 'any'], { message: '会签规则应为 all、ratio 或 any / policy must be all, ratio or any' })
  policy?: 'all' | 'ratio' | 'any';
  @ApiPropertyOptional({ example: 60, description: 'policy ratio: the percentage of approvals needed' })
  @IsOptional()
  @IsInt({ message: '比例应为整数 / ratio must be a whole number' })
  @Min(1, { message: '比例为 1–100 / ratio is 1–100' })
  @Max(100, { message: '比例为 1–100 / ratio is 1–100' })
  ratio?: number;
}

export class SignDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: '请选择同意或不同意 / decision must be approve or reject' })
  decision!: 'approve' | 'reject';
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '意见应为文字 / opinion must be text' })
  @MaxLength(2000, { message: '意见不能超过 2000 字 / at most 2000 characters' })
  opinion?: string;
}

export class WithdrawDto {
  @ApiPropertyOptional({ example: '材料有误，需修改' })
  @IsOptional()
  @IsString({ message: '撤回原因应为文字 / reason must be text' })
  @MaxLength(2000, { message: '撤回原因不能超过 2000 字 / at most 2000 characters' })
  reason?: string;
}

export class CopyDto {
  @ApiPropertyOptional({ example: ['township'] })
  @IsOptional()
  @IsArray({ message: '用户名应为列表 / usernames must be a list' })
  @ArrayMaxSize(100, { message: '一次最多抄送 100 人 / at most 100 people' })
  @IsString({ each: true, message: '用户名应为文字 / usernames must be text' })
  usernames?: string[];
  @ApiPropertyOptional({ example: ['township-officer'] })
  @IsOptional()
  @IsArray({ message: '角色应为列表 / roles must be a list' })
  @ArrayMaxSize(20, { message: '一次最多抄送 20 个角色 / at most 20 roles' })
  @IsString({ each: true, message: '角色应为文字 / roles must be text' })
  roles?: string[];
}

export class UrgeDto {
  @ApiPropertyOptional({ example: '家长已多次来电，请尽快处理' })
  @IsOptional()
  @IsString({ message: '催办留言应为文字 / message must be text' })
  @MaxLength(200, { message: '催办留言不能超过 200 字 / at most 200 characters' })
  message?: string;
}

export class BatchCompleteDto {
  @ApiProperty({ description: 'the tasks to decide together (same step and form; at most 100)' })
  @IsArray({ message: '请选择任务 / taskIds must be a list' })
  @ArrayMinSize(1, { message: '请选择任务 / choose at least one task' })
  @ArrayMaxSize(100, { message: '一次最多批量审批 100 个任务 / at most 100 tasks' })
  @IsString({ each: true, message: '任务编号应为文字 / taskIds must be text' })
  taskIds!: string[];
  @ApiProperty({ example: { decision: 'approve', comment: '同意' } })
  @IsObject({ message: '表单数据应为对象 / data must be an object' })
  data!: Record<string, unknown>;
}
