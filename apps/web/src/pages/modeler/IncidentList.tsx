import type { InstanceDetail } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, Button, Empty, List, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';
import { modelerApi } from './modelerApi';

/** An instance's incidents, each with 重试 (the step runs again, e.g. after its data was corrected). */
export function IncidentList({ detail, name, onRetried }: { detail: InstanceDetail; name(id: string | null): string; onRetried(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [retrying, setRetrying] = useState<string | null>(null);

  const retry = async (incidentId: string, activityId: string) => {
    setRetrying(incidentId);
    try {
      await modelerApi.retryIncident(detail.id, incidentId);
      void message.success(t('modeler.instances.retried', { step: name(activityId) }));
      onRetried();
    } catch (e) {
      showError(e);
    } finally {
      setRetrying(null);
    }
  };

  return (
    <List
      size="small"
      data-testid="instance-incidents"
      dataSource={detail.incidents}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('modeler.instances.noIncidents')} /> }}
      renderItem={(i) => (
        <List.Item
          actions={[
            <Button
              key="retry"
              size="small"
              danger
              loading={retrying === i.id}
              onClick={() => retry(i.id, i.activityId)}
              data-testid="incident-retry"
            >
              {t('modeler.instances.retry')}
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={
              <>
                <Tag color="red">{i.type}</Tag>
                {name(i.activityId)}
              </>
            }
            description={i.message}
          />
        </List.Item>
      )}
    />
  );
}
