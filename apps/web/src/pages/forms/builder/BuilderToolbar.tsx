import { Button, Popconfirm, Space, Tag } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/zh-CN';
import type { Origin } from '../useFormLoader';

export interface BuilderToolbarProps {
  formKey: string;
  dirty: boolean;
  origin: Origin;
  latest?: number;
  busy: 'save' | 'publish' | null;
  onBack(): void;
  onSave(): void;
  onPublish(): void;
  onVersions(): void;
  onImport(): void;
  onDiscard(): void;
}

/** The builder's status and actions. Publishing asks first: a published version can never change again. */
export function BuilderToolbar(p: BuilderToolbarProps) {
  const { t } = useI18n();
  const status: { color: string; label: MessageKey } = p.dirty
    ? { color: 'orange', label: 'forms.builder.unsaved' }
    : p.origin === 'draft'
      ? { color: 'blue', label: 'forms.builder.draft' }
      : p.origin === 'published'
        ? { color: 'green', label: 'forms.builder.upToDate' }
        : { color: 'default', label: 'forms.builder.new' };
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Tag>{p.formKey}</Tag>
      <Tag color={status.color} data-testid="builder-status">
        {t(status.label)}
      </Tag>
      {p.latest !== undefined && <Tag data-testid="builder-latest">{t('forms.builder.latest', { version: p.latest })}</Tag>}
      <Button onClick={p.onBack}>{t('forms.builder.back')}</Button>
      <Button data-testid="builder-save" loading={p.busy === 'save'} onClick={p.onSave}>
        {t('forms.builder.save')}
      </Button>
      <Popconfirm
        title={t('forms.builder.publishConfirm')}
        description={<div style={{ maxWidth: 320 }}>{t('forms.builder.publishConfirmText')}</div>}
        okText={t('forms.builder.publishOk')}
        cancelText={t('forms.cancel')}
        okButtonProps={{ 'data-testid': 'builder-publish-confirm' } as never}
        onConfirm={p.onPublish}
      >
        <Button type="primary" data-testid="builder-publish" loading={p.busy === 'publish'}>
          {t('forms.builder.publish')}
        </Button>
      </Popconfirm>
      <Button data-testid="builder-versions" onClick={p.onVersions}>
        {t('forms.builder.versions')}
      </Button>
      <Button data-testid="builder-import" onClick={p.onImport}>
        {t('forms.builder.import')}
      </Button>
      {p.origin === 'draft' && (
        <Popconfirm title={t('forms.builder.discardConfirm')} onConfirm={p.onDiscard}>
          <Button danger>{t('forms.builder.discard')}</Button>
        </Popconfirm>
      )}
    </Space>
  );
}
