import { useState } from 'react';
import { App, Input, Modal, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';
import { modelerApi } from './modelerApi';

/** Changes a running instance's data, e.g. the value an incident's condition tripped over, before a retry. */
export function VariablesModal({
  instanceId,
  open,
  onClose,
  onSaved,
}: {
  instanceId: string;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [text, setText] = useState('{}');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    let variables: unknown;
    try {
      variables = JSON.parse(text);
    } catch {
      variables = null;
    }
    if (!variables || typeof variables !== 'object' || Array.isArray(variables)) return setInvalid(true);
    setBusy(true);
    try {
      await modelerApi.setVariables(instanceId, variables as Record<string, unknown>);
      void message.success(t('modeler.instances.variablesSaved'));
      onSaved();
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('modeler.instances.editVariables')}
      onCancel={onClose}
      onOk={save}
      okText={t('modeler.instances.save')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('modeler.instances.variablesHelp')}</Typography.Paragraph>
      <Input.TextArea
        rows={5}
        value={text}
        status={invalid ? 'error' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setInvalid(false);
        }}
        style={{ fontFamily: 'monospace' }}
        data-testid="variables-input"
      />
      {invalid && <Typography.Text type="danger">{t('modeler.instances.variablesInvalid')}</Typography.Text>}
    </Modal>
  );
}
