import type { CreatedApiKey } from '@kcbx/api-contract';
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';

/** A new key's secret, shown this once with a copy button: the server keeps only its hash. */
export function CreatedKeyModal({ created, onClose }: { created: CreatedApiKey | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  return (
    <Modal open={!!created} title={t('apiKeys.createdTitle')} onCancel={onClose} footer={null}>
      <Typography.Paragraph>{t('apiKeys.createdHelp')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={created?.key} data-testid="api-key-secret" aria-label={t('apiKeys.createdTitle')} />
        <Button
          onClick={() => navigator.clipboard?.writeText(created?.key ?? '').then(() => message.success(t('apiKeys.copied')), showError)}
        >
          {t('apiKeys.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
