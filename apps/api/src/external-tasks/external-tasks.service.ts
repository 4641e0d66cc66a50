import { Injectable } from '@nestjs/common';
import { Engine, NotFoundError, type ExternalTask } from '@kcbx/engine';
import { ownCopy } from '@kcbx/forms';
import { Errors } from '../common/app-error';
import { NOT_DATA_NAMES, PLATFORM_VARIABLES } from '../workflow/start-variables';
import type { KeyHolder } from './api-keys.service';
import type { BpmnErrorDto, CompleteDto, ExtendLockDto, FailureDto, FetchAndLockDto } from './external-tasks.dto';

/** Names a worker may not set: not data on a plain object, or links only the platform makes. */
const REFUSED = new Set<string>([...NOT_DATA_NAMES, 'studentId', ...PLATFORM_VARIABLES]);

/**
 * External workers (#18): a county's program, holding a key of that county, fetches the county's external tasks by
 * topic and reports back. Every call is one engine command scoped to the key's county; another county's task
 * answers 404 as if it did not exist.
 */
@Injectable()
export class ExternalTasksService {
  constructor(private readonly engine: Engine) {}

  async fetchAndLock(holder: KeyHolder, body: FetchAndLockDto) {
    const tasks = await this.engine.fetchAndLockExternalTasks({
      tenantId: holder.tenantId,
      workerId: body.workerId,
      maxTasks: body.maxTasks,
      topics: body.topics.map((t) => ({ topicName: t.topicName, lockDurationMs: t.lockDuration })),
    });
    return tasks.map(present);
  }

  complete(holder: KeyHolder, id: string, body: CompleteDto) {
    const variables = workerVariables(body.variables);
    return this.found(id, () =>
      this.engine.completeExternalTask({ tenantId: holder.tenantId, jobId: id, workerId: body.workerId, variables }),
    );
  }

  failure(holder: KeyHolder, id: string, body: FailureDto) {
    return this.found(id, () =>
      this.engine.failExternalTask({
        tenantId: holder.tenantId,
        jobId: id,
        workerId: body.workerId,
        errorMessage: body.errorMessage,
        retries: body.retries,
        retryTimeoutMs: body.retryTimeout,
      }),
    );
  }

  bpmnError(holder: KeyHolder, id: string, body: BpmnErrorDto) {
    return this.found(id, () =>
      this.engine.bpmnErrorExternalTask({ tenantId: holder.tenantId, jobId: id, workerId: body.workerId, errorCode: body.errorCode }),
    );
  }

  extendLock(holder: KeyHolder, id: string, body: ExtendLockDto) {
    return this.found(id, () =>
      this.engine.extendExternalTaskLock({
        tenantId: holder.tenantId,
        jobId: id,
        workerId: body.workerId,
        newDurationMs: body.newDuration,
      }),
    );
  }

  /** the engine's "no such job" in the reader's words */
  private async found(id: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof NotFoundError) throw Errors.notFound('externalTask', id);
      throw error;
    }
  }
}

function workerVariables(given: Record<string, unknown> | undefined): Record<string, unknown> {
  const copy = ownCopy(given ?? {});
  const refused = Object.keys(copy)
    .filter((name) => REFUSED.has(name))
    .map((name) => ({
      field: `variables.${name}`,
      keyword: 'platformVariable',
      message: { zh: `${name} 由平台设置，外部处理程序不能修改`, en: `${name} is set by the platform; a worker cannot change it` },
    }));
  if (refused.length) throw Errors.validation(refused);
  return { ...copy };
}

function present(t: ExternalTask) {
  return {
    id: t.id,
    topicName: t.topicName,
    workerId: t.workerId,
    lockExpirationTime: new Date(t.lockExpirationTime).toISOString(),
    activityId: t.activityId,
    processInstanceId: t.processInstanceId,
    processDefinitionId: t.processDefinitionId,
    businessKey: t.businessKey,
    retries: t.retries,
    errorMessage: t.errorMessage,
    variables: t.variables,
  };
}
