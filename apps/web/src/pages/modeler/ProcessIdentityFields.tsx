import { Form, Input, Tooltip } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { ProcessIdentity } from './useProcessIdentity';

/** The procedure's name and key; the key is fixed once a version is deployed. */
export function ProcessIdentityFields({ identity, isNew }: { identity: ProcessIdentity; isNew: boolean }) {
  const { t } = useI18n();
  const { name, setName, key, setKey, keyValid, applyName, applyKey } = identity;
  return (
    <>
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
            disabled={!isNew}
            onChange={(e) => setKey(e.target.value.trim())}
            onBlur={applyKey}
            onPressEnter={applyKey}
            style={{ width: 220 }}
          />
        </Tooltip>
      </Form.Item>
    </>
  );
}
