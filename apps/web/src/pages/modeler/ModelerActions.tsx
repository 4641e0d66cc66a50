import { Button, Popconfirm, Space, Tooltip } from 'antd';
import type { ButtonProps } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, HistoryOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n';
import type { BpmnModelerHandle } from './useBpmnModeler';

export interface ModelerActionsProps {
  m: BpmnModelerHandle;
  busy: 'validate' | 'deploy' | null;
  /** a deployable key (the key field is valid) */
  keyValid: boolean;
  /** nothing deployed yet: no versions to show */
  isNew: boolean;
  onValidate(): void;
  onDeploy(): void;
  onVersions(): void;
}

/** Undo / redo, validate, deploy (confirmed), versions and download of the drawn procedure. */
export function ModelerActions({ m, busy, keyValid, isNew, onValidate, onDeploy, onVersions }: ModelerActionsProps) {
  const { t } = useI18n();
  const download = async () => {
    const url = URL.createObjectURL(new Blob([await m.xml()], { type: 'application/xml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${m.info.key || 'process'}.bpmn`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
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
        onClick={onValidate}
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
        onConfirm={onDeploy}
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
      <Button icon={<HistoryOutlined />} disabled={isNew} onClick={onVersions} data-testid="modeler-versions">
        {t('modeler.versions')}
      </Button>
      <Button icon={<DownloadOutlined />} disabled={!m.ready} onClick={download}>
        {t('modeler.download')}
      </Button>
    </>
  );
}
