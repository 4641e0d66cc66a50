import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import type { LocalizedText } from '@kcbx/forms';
import { FORM_KEY, keyFromName } from '@kcbx/form-builder';
import { useI18n } from '../../i18n/i18n';

interface Values {
  key: string;
  zh: string;
  en?: string;
}

/**
 * Title and key of a new form; the builder opens empty with them. Staff type the Chinese title; the key is
 * proposed from its pinyin (they may change it, and once changed it is theirs). The English title is
 * optional: without one the Chinese title stands in. Keys already in use are refused.
 */
export function NewFormModal({
  open,
  taken,
  onClose,
  onCreate,
}: {
  open: boolean;
  taken: Set<string>;
  onClose(): void;
  onCreate(key: string, title: LocalizedText): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [keyEdited, setKeyEdited] = useState(false);
  const create = (v: Values) => {
    const zh = v.zh.trim();
    onCreate(v.key.trim(), { zh, en: v.en?.trim() || zh });
  };
  return (
    <Modal
      open={open}
      title={t('forms.new.title')}
      okText={t('forms.new.create')}
      cancelText={t('forms.cancel')}
      okButtonProps={{ 'data-testid': 'new-form-create' } as never}
      onCancel={onClose}
      onOk={() => form.validateFields().then(create)}
      afterClose={() => setKeyEdited(false)}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={(changed: Partial<Values>) => {
          if ('key' in changed) setKeyEdited(true);
          else if ('zh' in changed && !keyEdited) form.setFieldValue('key', keyFromName(changed.zh ?? '', taken));
        }}
      >
        <Form.Item
          name="zh"
          label={t('forms.new.titleZh')}
          rules={[{ required: true, whitespace: true, message: t('forms.new.titleRequired') }]}
        >
          <Input data-testid="new-form-title-zh" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('forms.new.key')}
          extra={t('forms.new.keyHelp')}
          rules={[
            { required: true, message: t('forms.new.keyRequired') },
            { pattern: FORM_KEY, message: t('forms.new.keyInvalid') },
            {
              validator: (_, v: string) =>
                v && taken.has(v.trim()) ? Promise.reject(new Error(t('forms.new.keyTaken'))) : Promise.resolve(),
            },
          ]}
        >
          <Input data-testid="new-form-key" maxLength={100} />
        </Form.Item>
        <Form.Item name="en" label={t('forms.new.titleEn')}>
          <Input data-testid="new-form-title-en" maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
