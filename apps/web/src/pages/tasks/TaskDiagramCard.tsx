import type { TaskDetail } from '@kcbx/api-contract';
import { Card, Skeleton, Typography } from 'antd';
import { LazyProcessDiagram as ProcessDiagram } from '../../components/LazyProcessDiagram';
import { useI18n } from '../../i18n/i18n';
import type { InstanceDiagram } from './useInstanceDiagram';

/** The case's diagram with the task's step (or the instance's open steps) highlighted and the passed ones done. */
export function TaskDiagramCard({ task, diagram }: { task: TaskDetail; diagram: InstanceDiagram }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('tasks.diagram')} extra={<Typography.Text type="secondary">{t('tasks.diagramLegend')}</Typography.Text>}>
      {diagram.xml ? (
        <ProcessDiagram
          height={260}
          xml={diagram.xml}
          activeIds={diagram.instance?.activeActivityIds ?? [task.activityId]}
          completedIds={diagram.completedIds}
          errorText={t('tasks.diagramError')}
        />
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}
