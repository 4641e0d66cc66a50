import { useState } from 'react';
import { Alert, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { ModelerActions } from './ModelerActions';
import { ProblemsList } from './ProblemsList';
import { ProcessIdentityFields } from './ProcessIdentityFields';
import { useBpmnModeler } from './useBpmnModeler';
import { useModelerCatalog } from './useModelerCatalog';
import { useModelerDeploy } from './useModelerDeploy';
import { useModelerSource } from './useModelerSource';
import { useProcessIdentity } from './useProcessIdentity';
import { useUnsavedPrompt } from './useUnsavedPrompt';
import { VersionsDrawer } from './VersionsDrawer';

const CANVAS_HEIGHT = 'max(420px, calc(100vh - 300px))';

/** The policy designer's modeler: draw, pick forms and roles, validate, deploy, see versions. */
export default function ModelerPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const source = useModelerSource();
  const m = useBpmnModeler(source.xml);
  const catalog = useModelerCatalog(m);
  const identity = useProcessIdentity(m);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [deployCount, setDeployCount] = useState(0);
  const { problems, busy, validate, deploy } = useModelerDeploy(m, catalog, (deployed) => {
    setDeployCount((n) => n + 1);
    setVersionsOpen(true);
    if (source.isNew && deployed) navigate(`/design/processes/${encodeURIComponent(deployed.key)}`, { replace: true });
  });
  useUnsavedPrompt(m.dirty);

  if (source.error) return <Alert type="error" showIcon message={source.error} />;

  return (
    <>
      <PageTitle>
        {m.info.name || m.info.key || t('modeler.newName')}{' '}
        {source.version !== null && <Tag>{t('modeler.instances.versionN', { version: source.version })}</Tag>}
        {m.dirty && <Tag color="orange">{t('modeler.unsaved')}</Tag>}
      </PageTitle>
      {/* one wrapping row of the fields and buttons (as a Space would lay them out, the components' parts included) */}
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 8, marginBottom: 8 }}>
        <ProcessIdentityFields identity={identity} isNew={source.isNew} />
        <ModelerActions
          m={m}
          busy={busy}
          keyValid={identity.keyValid}
          isNew={source.isNew}
          onValidate={validate}
          onDeploy={deploy}
          onVersions={() => setVersionsOpen(true)}
        />
      </div>
      {source.version !== null && m.dirty && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('modeler.viewing', { version: source.version })} />
      )}
      {m.importError && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} message={t('modeler.importFailed', { message: m.importError })} />
      )}
      <div style={{ display: 'flex', border: '1px solid #e5e5e5', background: '#fff', height: CANVAS_HEIGHT }}>
        <div ref={m.canvasRef} data-testid="modeler-canvas" style={{ flex: 1, minWidth: 0, position: 'relative' }} />
        <div ref={m.panelRef} data-testid="modeler-properties" style={{ width: 340, borderLeft: '1px solid #e5e5e5', overflowY: 'auto' }} />
      </div>
      <div style={{ marginTop: 8 }}>
        <ProblemsList problems={problems} onSelect={m.select} />
      </div>
      <VersionsDrawer
        processKey={source.isNew ? '' : m.info.key}
        name={m.info.name}
        open={versionsOpen}
        onClose={() => setVersionsOpen(false)}
        reload={deployCount}
      />
    </>
  );
}
