import type { CountyRole, DeployProblem, PublishedFormRow } from '@kcbx/api-contract';
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Popconfirm, Space, Tag, Tooltip } from 'antd';
import type { ButtonProps } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, HistoryOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useShowError } from '../../util/useShowError';
import { checkSteps } from './modelChecks';
import { latestForms, modelerApi } from './modelerApi';
import { KEY_PATTERN } from './newDiagram';
import { ProblemsList, type ShownProblem } from './ProblemsList';
import { useBpmnModeler } from './useBpmnModeler';
import { useModelerSource } from './useModelerSource';
import { VersionsDrawer } from './VersionsDrawer';

const CANVAS_HEIGHT = 'max(420px, calc(100vh - 300px))';

/** The policy designer's modeler: draw, pick forms and roles, validate, deploy, see versions. */
export default function ModelerPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const source = useModelerSource();
  const m = useBpmnModeler(source.xml);
  const [forms, setForms] = useState<PublishedFormRow[]>([]);
  const [roles, setRoles] = useState<CountyRole[]>([]);
  const [problems, setProblems] = useState<ShownProblem[] | null>(null);
  const [busy, setBusy] = useState<'validate' | 'deploy' | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [deployCount, setDeployCount] = useState(0);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');

  useEffect(() => {
    Promise.all([modelerApi.forms(), modelerApi.roles()])
      .then(([f, r]) => {
        setForms(latestForms(f));
        setRoles(r);
      })
      .catch(showError);
  }, [showError]);
  // The Form & roles group reads them from the modeler, which is rebuilt on a language switch.
  const { setCatalog, ready } = m;
  useEffect(() => setCatalog(forms, roles), [forms, roles, ready, setCatalog]);

  // Closing or reloading the tab with undeployed edits asks first (the browser words the question).
  useEffect(() => {
    if (!m.dirty) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [m.dirty]);

  // The inputs follow the model (undo, edits in the properties panel).
  useEffect(() => setName(m.info.name), [m.info.name]);
  useEffect(() => setKey(m.info.key), [m.info.key]);

  const keyValid = KEY_PATTERN.test(key);
  const applyName = () => name !== m.info.name && m.updateProcess({ name });
  const applyKey = () => keyValid && key !== m.info.key && m.updateProcess({ id: key });

  /** Our own checks first (no form, unknown role), then the server's dry run: the engine's own rules. */
  const validate = useCallback(async (): Promise<ShownProblem[]> => {
    const local = checkSteps(m.steps(), new Set(forms.map((f) => f.key)), new Set(roles.map((r) => r.key)));
    const found: ShownProblem[] = local.map((p) => ({ elementId: p.elementId, text: t(p.message, p.params) }));
    try {
      await modelerApi.deploy(`${m.info.key}.bpmn`, await m.xml(), true);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 400) throw e;
      const details = Array.isArray(e.details) ? (e.details as DeployProblem[]) : [];
      if (details.length === 0) found.push({ text: e.message });
      for (const d of details) found.push({ elementId: d.elementId, line: d.line, text: d.message });
    }
    setProblems(found);
    return found;
  }, [forms, roles, m, t]);

  const runValidate = async () => {
    setBusy('validate');
    await validate().catch(showError);
    setBusy(null);
  };

  const deploy = async () => {
    setBusy('deploy');
    try {
      if ((await validate()).length > 0) return;
      const result = await modelerApi.deploy(`${m.info.key}.bpmn`, await m.xml(), false);
      const deployed = result.processDefinitions.find((d) => d.key === m.info.key) ?? result.processDefinitions[0];
      void message.success(t('modeler.deployed', { name: m.info.name || m.info.key, version: deployed?.version ?? '' }));
      m.markSaved();
      setDeployCount((n) => n + 1);
      setVersionsOpen(true);
      if (source.isNew && deployed) navigate(`/design/processes/${encodeURIComponent(deployed.key)}`, { replace: true });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const download = async () => {
    const url = URL.createObjectURL(new Blob([await m.xml()], { type: 'application/xml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${m.info.key || 'process'}.bpmn`;
    a.click();
    URL.revokeObjectURL(url);
  };

  if (source.error) return <Alert type="error" showIcon message={source.error} />;

  return (
    <>
      <PageTitle>
        {m.info.name || m.info.key || t('modeler.newName')}{' '}
        {source.version !== null && <Tag>{t('modeler.instances.versionN', { version: source.version })}</Tag>}
        {m.dirty && <Tag color="orange">{t('modeler.unsaved')}</Tag>}
      </PageTitle>
      <Space wrap align="start" style={{ marginBottom: 8 }}>
        <Form.Item label={t('modeler.name')} style={{ marginBottom: 0 }}>
          <Input
            data-testid="process-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={applyName}
            onPressEnter={applyName}
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item
          label={t('modeler.key')}
          style={{ marginBottom: 0 }}
          validateStatus={keyValid ? undefined : 'error'}
          help={keyValid ? undefined : t('modeler.keyInvalid')}
        >
          <Tooltip title={t('modeler.keyHelp')}>
            <Input
              data-testid="process-key"
              value={key}
              disabled={!source.isNew}
              onChange={(e) => setKey(e.target.value.trim())}
              onBlur={applyKey}
              onPressEnter={applyKey}
              style={{ width: 220 }}
            />
          </Tooltip>
        </Form.Item>
        <Space.Compact>
          <Tooltip title={t('modeler.undo')}>
            <Button
              icon={<UndoOutlined />}
              disabled={!m.ready || !m.canUndo()}
              onClick={m.undo}
              data-testid="modeler-undo"
              aria-label={t('modeler.undo')}
            />
          </Tooltip>
          <Tooltip title={t('modeler.redo')}>
            <Button
              icon={<RedoOutlined />}
              disabled={!m.ready || !m.canRedo()}
              onClick={m.redo}
              data-testid="modeler-redo"
              aria-label={t('modeler.redo')}
            />
          </Tooltip>
        </Space.Compact>
        <Button
          icon={<CheckCircleOutlined />}
          loading={busy === 'validate'}
          disabled={!m.ready || !!busy}
          onClick={runValidate}
          data-testid="modeler-validate"
        >
          {t('modeler.validate')}
        </Button>
        {/* A deployment starts a new version every new case will follow: asked once more, never by a slip. */}
        <Popconfirm
          title={t('modeler.deployConfirm', { name: m.info.name || m.info.key })}
          description={t('modeler.deployConfirmText')}
          okText={t('modeler.deploy')}
          cancelText={t('common.cancel')}
          okButtonProps={{ 'data-testid': 'modeler-deploy-confirm' } as ButtonProps}
          onConfirm={deploy}
          disabled={!m.ready || !!busy || !keyValid}
        >
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={busy === 'deploy'}
            disabled={!m.ready || !!busy || !keyValid}
            data-testid="modeler-deploy"
          >
            {t('modeler.deploy')}
          </Button>
        </Popconfirm>
        <Button icon={<HistoryOutlined />} disabled={source.isNew} onClick={() => setVersionsOpen(true)} data-testid="modeler-versions">
          {t('modeler.versions')}
        </Button>
        <Button icon={<DownloadOutlined />} disabled={!m.ready} onClick={download}>
          {t('modeler.download')}
        </Button>
      </Space>
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
