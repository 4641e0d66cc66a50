import type { InstanceDetail } from '@kcbx/api-contract';
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Descriptions, Drawer, Empty, List, Tag, Timeline, Typography } from 'antd';
import { ProcessDiagram } from '../../components/ProcessDiagram';
import { useI18n } from '../../i18n/i18n';
import { modelerZh } from '../../i18n/messages/modeler';
import type { MessageKey } from '../../i18n/zh-CN';
import { useShowError } from '../../util/useShowError';
import { definitionInfo } from './activityNames';
import { modelerApi } from './modelerApi';
import { StateTag } from './StateTag';
import { VariablesModal } from './VariablesModal';

const EVENT_TYPES = new Set(
  Object.keys(modelerZh)
    .filter((k) => k.startsWith('modeler.event.'))
    .map((k) => k.slice('modeler.event.'.length)),
);

/** One instance: where it stands on the diagram, its incidents (with retry) and what happened so far. */
export function InstanceDrawer({
  instanceId,
  onClose,
  onChanged,
}: {
  instanceId: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [detail, setDetail] = useState<InstanceDetail | null>(null);
  const [diagram, setDiagram] = useState<{ xml: string; names: Map<string, string> } | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(() => {
    if (!instanceId) return;
    modelerApi
      .instance(instanceId)
      .then(async (d) => {
        setDetail(d);
        setDiagram(await definitionInfo(d.definitionId));
      })
      .catch(showError);
  }, [instanceId, showError]);
  useEffect(() => {
    setDetail(null);
    setDiagram(null);
    load();
  }, [load]);

  const eventLabel = (type: string) => (EVENT_TYPES.has(type) ? t(`modeler.event.${type}` as MessageKey) : type);
  const name = (id: string | null) => (id ? (diagram?.names.get(id) ?? id) : '');
  const retry = async (incidentId: string, activityId: string) => {
    setRetrying(incidentId);
    try {
      await modelerApi.retryIncident(detail!.id, incidentId);
      void message.success(t('modeler.instances.retried', { step: name(activityId) }));
      load();
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setRetrying(null);
    }
  };

  const passed = [...new Set((detail?.history ?? []).filter((h) => h.type === 'activity-left' && h.elementId).map((h) => h.elementId!))];
  return (
    <Drawer open={!!instanceId} onClose={onClose} width={760} title={t('modeler.instances.detail')} destroyOnHidden>
      {detail && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('modeler.instances.case')}>{caseLabel(detail)}</Descriptions.Item>
            <Descriptions.Item label={t('modeler.instances.state')}>
              <StateTag state={detail.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('modeler.instances.unit')}>{detail.orgUnitName ?? detail.orgUnit}</Descriptions.Item>
            <Descriptions.Item label={t('modeler.instances.activeStep')}>
              {detail.activeActivityIds.map(name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('modeler.instances.started')}>{formatDateTime(detail.startedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('modeler.instances.ended')}>
              {detail.endedAt ? formatDateTime(detail.endedAt) : '—'}
            </Descriptions.Item>
          </Descriptions>
          {diagram && (
            <ProcessDiagram
              xml={diagram.xml}
              activeIds={detail.activeActivityIds}
              completedIds={passed}
              incidentIds={detail.incidents.map((i) => i.activityId)}
              height={280}
              errorText={t('modeler.importFailed', { message: '' })}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('modeler.instances.incidents')}
          </Typography.Title>
          {detail.state === 'active' && (
            <Button size="small" style={{ marginBottom: 8 }} onClick={() => setEditing(true)} data-testid="instance-edit-variables">
              {t('modeler.instances.editVariables')}
            </Button>
          )}
          <VariablesModal instanceId={detail.id} open={editing} onClose={() => setEditing(false)} onSaved={load} />
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
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('modeler.instances.variables')}
          </Typography.Title>
          <pre
            data-testid="instance-variables"
            style={{ background: '#fafafa', padding: 8, maxHeight: 160, overflow: 'auto', fontSize: 12 }}
          >
            {JSON.stringify(detail.variables, null, 2)}
          </pre>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('modeler.instances.timeline')}
          </Typography.Title>
          <Timeline
            items={detail.history
              .filter((h) => h.type !== 'activity-entered' && h.type !== 'activity-left')
              .map((h) => ({
                key: h.id,
                color: h.type.startsWith('incident') ? 'red' : undefined,
                children: (
                  <>
                    <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text> {eventLabel(h.type)} {name(h.elementId)}
                    {h.userName ? ` · ${h.userName}` : ''}
                  </>
                ),
              }))}
          />
        </>
      )}
    </Drawer>
  );
}

export function caseLabel(i: {
  studentName?: string | null;
  businessKey: string | null;
  id: string;
  variables?: Record<string, unknown>;
}): string {
  const student = i.studentName ?? (typeof i.variables?.studentName === 'string' ? i.variables.studentName : null);
  return student ?? i.businessKey ?? i.id.slice(0, 8);
}
