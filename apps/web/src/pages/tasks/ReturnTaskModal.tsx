import { Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { ReturnTarget } from './returnTargets';

export interface ReturnTaskModalProps {
  open: boolean;
  busy: boolean;
  /** Earlier steps, newest first; with more than one the clerk may pick where the case goes back to. */
  targets: ReturnTarget[];
  onSubmit(reason: string, target: string | undefined): Promise<void>;
  onCancel(): void;
}

/** 退回: a required reason and, when there is a choice, the earlier step to send the case back to. */
export function ReturnTaskModal({ open, busy, targets, onSubmit, onCancel }: ReturnTaskModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string; target?: string }>();
  const submit = async () => {
    const { reason, target } = await form.validateFields();
    await onSubmit(reason.trim(), target);
  };
  return (
    <Modal
      open={open}
      title={t('tasks.returnTitle')}
      okText={t('tasks.return')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'task-return-confirm' } as ButtonProps}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('tasks.returnReason')}
          extra={t('tasks.returnReasonHint')}
          rules={[{ required: true, whitespace: true, message: t('tasks.returnReasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount data-testid="task-return-reason" />
        </Form.Item>
        {targets.length > 1 && (
          <Form.Item name="target" label={t('tasks.returnTarget')}>
            <Select
              allowClear
              placeholder={t('tasks.returnTargetDefault')}
              options={targets.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
