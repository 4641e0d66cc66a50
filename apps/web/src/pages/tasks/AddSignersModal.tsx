import type { SignerMode, SignPolicy } from '@kcbx/api-contract';
import { Form, Input, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { nameList } from './nameList';

export interface AddSigners {
  usernames: string[];
  mode: SignerMode;
  policy?: SignPolicy;
  ratio?: number;
}

/** 加签: who signs (usernames) and how — before, after, or together with the holder (then by which policy). */
export function AddSignersModal({
  open,
  busy,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  busy: boolean;
  onSubmit(v: AddSigners): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ usernames: string; mode: SignerMode; policy?: SignPolicy; ratio?: number }>();
  const mode = Form.useWatch('mode', form);
  const policy = Form.useWatch('policy', form);
  const submit = async () => {
    const v = await form.validateFields();
    await onSubmit({
      usernames: nameList(v.usernames),
      mode: v.mode,
      ...(v.mode === 'parallel' ? { policy: v.policy ?? 'all', ...(v.policy === 'ratio' ? { ratio: v.ratio } : {}) } : {}),
    });
  };
  return (
    <Modal
      open={open}
      title={t('verbs.addSignersTitle')}
      okText={t('verbs.addSigners')}
      okButtonProps={{ loading: busy, 'data-testid': 'signers-confirm' } as ButtonProps}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ mode: 'before', policy: 'all', ratio: 50 }}>
        <Form.Item
          name="usernames"
          label={t('verbs.signers')}
          extra={t('verbs.signersHint')}
          rules={[{ required: true, whitespace: true, message: t('verbs.signersRequired') }]}
        >
          <Input autoComplete="off" data-testid="signers-usernames" />
        </Form.Item>
        <Form.Item name="mode" label={t('verbs.mode')}>
          <Select
            data-testid="signers-mode"
            options={(['before', 'after', 'parallel'] as const).map((m) => ({ value: m, label: t(`verbs.mode.${m}`) }))}
          />
        </Form.Item>
        {mode === 'parallel' && (
          <Form.Item name="policy" label={t('verbs.policy')}>
            <Select options={(['all', 'ratio', 'any'] as const).map((m) => ({ value: m, label: t(`verbs.policy.${m}`) }))} />
          </Form.Item>
        )}
        {mode === 'parallel' && policy === 'ratio' && (
          <Form.Item name="ratio" label={t('verbs.ratio')}>
            <InputNumber min={1} max={100} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
