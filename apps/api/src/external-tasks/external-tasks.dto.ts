import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** Bodies of the external-task routes (the shape of Camunda 7's REST API, times in milliseconds). */
const WORKER_ID = { message: '请给出处理程序标识 workerId（1–100 个字符） / workerId is 1–100 characters' };

export class TopicDto {
  @ApiProperty({ example: 'xueji-verify' })
  @IsString({ message: '主题应为文字 / topicName must be text' })
  @MinLength(1, { message: '请给出主题 / topicName is required' })
  @MaxLength(255, { message: '主题最多 255 个字符 / topicName is at most 255 characters' })
  topicName!: string;
  @ApiProperty({ example: 60000, description: 'lock duration in ms (1 s – 1 h)' })
  @IsInt({ message: '锁定时长应为整数毫秒 / lockDuration is whole milliseconds' })
  @Min(1000, { message: '锁定时长至少 1 秒 / lockDuration is at least 1 s' })
  @Max(3_600_000, { message: '锁定时长最多 1 小时 / lockDuration is at most 1 h' })
  lockDuration!: number;
}

export class FetchAndLockDto {
  @ApiProperty({ example: 'xueji-worker-1' })
  @IsString(WORKER_ID)
  @MinLength(1, WORKER_ID)
  @MaxLength(100, WORKER_ID)
  workerId!: string;
  @ApiProperty({ example: 10, description: '1–100' })
  @IsInt({ message: 'maxTasks 应为整数 / maxTasks must be a whole number' })
  @Min(1, { message: 'maxTasks 为 1–100 / maxTasks is 1–100' })
  @Max(100, { message: 'maxTasks 为 1–100 / maxTasks is 1–100' })
  maxTasks!: number;
  @ApiProperty({ type: [TopicDto] })
  @IsArray({ message: 'topics 应为列表 / topics must be a list' })
  @ArrayMinSize(1, { message: '请至少给出一个主题 / name at least one topic' })
  @ArrayMaxSize(20, { message: '最多 20 个主题 / at most 20 topics' })
  @ValidateNested({ each: true })
  @Type(() => TopicDto)
  topics!: TopicDto[];
}

export class WorkerDto {
  @ApiProperty({ example: 'xueji-worker-1' })
  @IsString(WORKER_ID)
  @MinLength(1, WORKER_ID)
  @MaxLength(100, WORKER_ID)
  workerId!: string;
}

export class CompleteDto extends WorkerDto {
  @ApiPropertyOptional({ example: { matches: true }, description: 'variables to set (plain JSON values)' })
  @IsOptional()
  @IsObject({ message: 'variables 应为对象 / variables must be an object' })
  variables?: Record<string, unknown>;
}

export class FailureDto extends WorkerDto {
  @ApiProperty({ example: '学籍系统超时' })
  @IsString({ message: 'errorMessage 应为文字 / errorMessage must be text' })
  @MaxLength(2000, { message: 'errorMessage 最多 2000 个字符 / errorMessage is at most 2000 characters' })
  errorMessage!: string;
  @ApiProperty({ example: 2, description: 'retries left; 0 opens an incident' })
  @IsInt({ message: 'retries 应为整数 / retries must be a whole number' })
  @Min(0, { message: 'retries 为 0–100 / retries is 0–100' })
  @Max(100, { message: 'retries 为 0–100 / retries is 0–100' })
  retries!: number;
  @ApiProperty({ example: 60000, description: 'ms before the task may be fetched again (≤ 7 days)' })
  @IsInt({ message: 'retryTimeout 应为整数毫秒 / retryTimeout is whole milliseconds' })
  @Min(0, { message: 'retryTimeout 不能为负 / retryTimeout cannot be negative' })
  @Max(7 * 86_400_000, { message: 'retryTimeout 最多 7 天 / retryTimeout is at most 7 days' })
  retryTimeout!: number;
}

export class BpmnErrorDto extends WorkerDto {
  @ApiProperty({ example: 'NOT_REGISTERED' })
  @IsString({ message: 'errorCode 应为文字 / errorCode must be text' })
  @Matches(/^[A-Za-z0-9_.-]{1,100}$/, { message: 'errorCode 为 1–100 个字母、数字或 _.- / errorCode is 1–100 letters, digits or _.-' })
  errorCode!: string;
}

export class ExtendLockDto extends WorkerDto {
  @ApiProperty({ example: 60000, description: 'new lock duration from now, in ms (1 s – 1 h)' })
  @IsInt({ message: 'newDuration 应为整数毫秒 / newDuration is whole milliseconds' })
  @Min(1000, { message: 'newDuration 至少 1 秒 / newDuration is at least 1 s' })
  @Max(3_600_000, { message: 'newDuration 最多 1 小时 / newDuration is at most 1 h' })
  newDuration!: number;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: '学籍系统核验程序' })
  @IsString({ message: '请填写密钥名称 / name must be text' })
  @Matches(/\S/, { message: '请填写密钥名称 / name is required' })
  @MaxLength(100, { message: '名称最多 100 个字符 / name is at most 100 characters' })
  name!: string;
}
