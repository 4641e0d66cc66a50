import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n/i18n';

/** 转办: hands the task to another user, named by their username. */
export function DelegateTaskModal({
  open,
  busy,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  busy: boolean;
  onSubmit(username: string): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ username: string }>();
  const submit = async () => {
    const { username } = await form.validateFields();
    await onSubmit(username.trim());
  };
  return (
    <Modal
      open={open}
      title={t('tasks.delegateTitle')}
      okText={t('tasks.delegate')}
      okButtonProps={{ loading: busy }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="username"
          label={t('tasks.delegateUser')}
          rules={[{ required: true, whitespace: true, message: t('tasks.delegateUserRequired') }]}
        >
          <Input autoComplete="off" data-testid="task-delegate-user" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
