import { Form, Input, Modal } from 'antd';
import type { LocalizedText } from '@kcbx/forms';
import { FORM_KEY } from '@kcbx/form-builder';
import { useI18n } from '../../i18n/i18n';

interface Values {
  key: string;
  zh: string;
  en: string;
}

/** Key and title of a new form; the builder opens empty with them. Keys already in use are refused. */
export function NewFormModal({ open, taken, onClose, onCreate }: { open: boolean; taken: Set<string>; onClose(): void; onCreate(key: string, title: LocalizedText): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <Modal
      open={open}
      title={t('forms.new.title')}
      okText={t('forms.new.create')}
      cancelText={t('forms.cancel')}
      okButtonProps={{ 'data-testid': 'new-form-create' } as never}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => onCreate(v.key.trim(), { zh: v.zh.trim(), en: v.en.trim() }))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="key"
          label={t('forms.new.key')}
          extra={t('forms.new.keyHelp')}
          rules={[
            { required: true, message: t('forms.new.keyRequired') },
            { pattern: FORM_KEY, message: t('forms.new.keyInvalid') },
            { validator: (_, v: string) => (v && taken.has(v.trim()) ? Promise.reject(new Error(t('forms.new.keyTaken'))) : Promise.resolve()) },
          ]}
        >
          <Input data-testid="new-form-key" />
        </Form.Item>
        <Form.Item name="zh" label={t('forms.new.titleZh')} rules={[{ required: true, message: t('forms.new.titleRequired') }]}>
          <Input data-testid="new-form-title-zh" />
        </Form.Item>
        <Form.Item name="en" label={t('forms.new.titleEn')} rules={[{ required: true, message: t('forms.new.titleRequired') }]}>
          <Input data-testid="new-form-title-en" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
