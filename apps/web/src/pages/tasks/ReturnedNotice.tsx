import type { ProcessInstance, TaskDetail } from '@kcbx/api-contract';
import { Alert } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { returnInto } from './returnNotice';

/** Why this step is open again, when a 退回 sent the case back to it: the reason, who and when. */
export function ReturnedNotice({ task, instance }: { task: TaskDetail; instance: ProcessInstance | null }) {
  const { t, formatDateTime } = useI18n();
  const returned = instance ? returnInto(instance.history, task.activityId, task.createdAt) : null;
  if (!returned) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="task-returned-notice"
      message={t('tasks.returnedNotice', { reason: returned.reason })}
      description={t('tasks.returnedBy', { name: returned.by ?? '', at: formatDateTime(returned.at) })}
    />
  );
}
