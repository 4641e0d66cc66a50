import { useState } from 'react';
import { Button, Drawer, Typography } from 'antd';
import { LazyProcessDiagram as ProcessDiagram } from '../../components/LazyProcessDiagram';
import { useI18n } from '../../i18n/i18n';
import { IncidentList } from './IncidentList';
import { InstanceFacts } from './InstanceFacts';
import { InstanceTimeline } from './InstanceTimeline';
import { useInstanceDetail } from './useInstanceDetail';
import { VariablesModal } from './VariablesModal';

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
  const { t } = useI18n();
  const { detail, diagram, reload } = useInstanceDetail(instanceId);
  const [editing, setEditing] = useState(false);

  const name = (id: string | null) => (id ? (diagram?.names.get(id) ?? id) : '');
  const passed = [...new Set((detail?.history ?? []).filter((h) => h.type === 'activity-left' && h.elementId).map((h) => h.elementId!))];
  const heading = (text: string) => (
    <Typography.Title level={5} style={{ marginTop: 16 }}>
      {text}
    </Typography.Title>
  );
  return (
    <Drawer open={!!instanceId} onClose={onClose} width={760} title={t('modeler.instances.detail')} destroyOnHidden>
      {detail && (
        <>
          <InstanceFacts detail={detail} name={name} />
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
          {heading(t('modeler.instances.incidents'))}
          {detail.state === 'active' && (
            <Button size="small" style={{ marginBottom: 8 }} onClick={() => setEditing(true)} data-testid="instance-edit-variables">
              {t('modeler.instances.editVariables')}
            </Button>
          )}
          <VariablesModal instanceId={detail.id} open={editing} onClose={() => setEditing(false)} onSaved={reload} />
          <IncidentList
            detail={detail}
            name={name}
            onRetried={() => {
              reload();
              onChanged();
            }}
          />
          {heading(t('modeler.instances.variables'))}
          <pre
            data-testid="instance-variables"
            style={{ background: '#fafafa', padding: 8, maxHeight: 160, overflow: 'auto', fontSize: 12 }}
          >
            {JSON.stringify(detail.variables, null, 2)}
          </pre>
          {heading(t('modeler.instances.timeline'))}
          <InstanceTimeline history={detail.history} name={name} />
        </>
      )}
    </Drawer>
  );
}
