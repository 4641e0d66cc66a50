import type { TaskDetail } from '@kcbx/api-contract';
import { Descriptions, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';

export interface TaskHeaderProps {
  task: TaskDetail;
  processName: string | null;
  myId: string;
}

/** What the task is about: procedure, step, student, unit, deadline, and who holds it. */
export function TaskHeader({ task, processName, myId }: TaskHeaderProps) {
  const { t, formatDateTime } = useI18n();
  const studentId = typeof task.data.studentId === 'string' ? task.data.studentId : null;
  const studentName = task.studentName ?? (typeof task.data.studentName === 'string' ? task.data.studentName : null);
  const holder = !task.assignee ? (
    <Tag>{t('tasks.unclaimed')}</Tag>
  ) : task.assignee === myId ? (
    <Tag color="blue">{t('tasks.heldByMe')}</Tag>
  ) : (
    <Tag color="orange">{t('tasks.heldByOther')}</Tag>
  );
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="task-header">
      <Descriptions.Item label={t('tasks.procedure')}>{task.processName ?? processName ?? task.processKey}</Descriptions.Item>
      <Descriptions.Item label={t('tasks.step')}>
        <strong>{task.name ?? task.activityId}</strong>
      </Descriptions.Item>
      <Descriptions.Item label={t('tasks.student')}>
        {studentId && studentName ? <Link to={`/students/${studentId}`}>{studentName}</Link> : (studentName ?? t('common.none'))}
      </Descriptions.Item>
      <Descriptions.Item label={t('tasks.unit')}>{task.orgUnitName ?? task.orgUnit ?? t('common.none')}</Descriptions.Item>
      <Descriptions.Item label={t('tasks.arrived')}>{formatDateTime(task.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('tasks.due')}>
        <span data-testid="task-due">
          {task.dueAt ? formatDateTime(task.dueAt) : t('tasks.noDue')}
          {task.overdue && (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              {t('tasks.overdue')}
            </Tag>
          )}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('tasks.holder')}>{holder}</Descriptions.Item>
    </Descriptions>
  );
}
