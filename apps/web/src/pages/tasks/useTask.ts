import type { TaskDetail } from '@kcbx/api-contract';
import { ApiError } from '../../api/errors';
import { workflowApi } from '../../api/workflow';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';

export interface LoadedTask {
  /** null until the first answer */
  task: TaskDetail | null;
  /** the server knows no such task (404) */
  missing: boolean;
  reload(): void;
}

/** One task, loaded again on reload(); a 409 (someone else finished or holds it) goes to `onTooLate`. */
export function useTask(id: string, onTooLate: () => void): LoadedTask {
  const showError = useShowError();
  const { data, error, reload } = useLoad(
    () => workflowApi.task(id),
    [id],
    (e) => {
      if (e instanceof ApiError && e.status === 409) onTooLate();
      else if (!(e instanceof ApiError && e.status === 404)) showError(e);
    },
  );
  const missing = error instanceof ApiError && error.status === 404;
  return { task: data ?? null, missing, reload };
}
