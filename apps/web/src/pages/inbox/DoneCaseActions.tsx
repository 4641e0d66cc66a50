import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, type ButtonProps } from 'antd';
import { workflowApi } from '../../api/workflow';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';

type Verb = { kind: 'withdraw' | 'urge'; taskId: string; step: string };

/**
 * 已办 rows: where the case stands now, with 撤回 (take it back while the next step is untouched) and 催办 (nudge
 * whoever holds it) on each open step. The server decides who may: a refusal says why.
 */
export function DoneCaseActions({ tasks, onChanged }: { tasks: { id: string; name: string }[]; onChanged(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [verb, setVerb] = useState<Verb | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ text?: string }>();

  const submit = async () => {
    if (!verb) return;
    const { text } = await form.validateFields();
    setBusy(true);
    try {
      if (verb.kind === 'withdraw') {
        await workflowApi.withdraw(verb.taskId, text?.trim());
        void message.success(t('verbs.withdrawn'));
      } else {
        const res = await workflowApi.urge(verb.taskId, text?.trim());
        void message.success(t('verbs.urged', { count: res.count }));
      }
      setVerb(null);
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const stop = (e: React.MouseEvent) => e.stopPropagation();

  return (
    <span onClick={stop}>
      {tasks.map((task) => (
        <Space key={task.id} size={4} wrap data-testid="done-current-task">
          <span>{task.name}</span>
          <Button size="small" onClick={() => setVerb({ kind: 'withdraw', taskId: task.id, step: task.name })} data-testid="done-withdraw">
            {t('verbs.withdraw')}
          </Button>
          <Button size="small" onClick={() => setVerb({ kind: 'urge', taskId: task.id, step: task.name })} data-testid="done-urge">
            {t('verbs.urge')}
          </Button>
        </Space>
      ))}
      <Modal
        open={!!verb}
        title={verb ? t(verb.kind === 'withdraw' ? 'verbs.withdrawTitle' : 'verbs.urgeTitle', { step: verb.step }) : ''}
        okText={verb?.kind === 'withdraw' ? t('verbs.withdraw') : t('verbs.urge')}
        okButtonProps={{ loading: busy, 'data-testid': 'done-verb-confirm' } as ButtonProps}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setVerb(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="text"
            label={verb?.kind === 'withdraw' ? t('verbs.withdrawReason') : t('verbs.urgeMessage')}
            extra={verb?.kind === 'withdraw' ? t('verbs.withdrawHint') : undefined}
          >
            <Input.TextArea rows={3} maxLength={200} showCount data-testid="done-verb-text" />
          </Form.Item>
        </Form>
      </Modal>
    </span>
  );
}
