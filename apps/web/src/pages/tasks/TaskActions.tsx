import type { TaskDetail } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, type ButtonProps } from 'antd';
import { RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { workflowApi } from '../../api/workflow';
import { useI18n } from '../../i18n/i18n';
import { VerbActions } from './VerbActions';

export interface TaskActionsProps {
  task: TaskDetail;
  myId: string;
  /** Earlier user steps the task may be sent back to, newest first (none on a first step: no 退回 button). */
  returnTargets: { id: string; name: string }[];
  /** The task changed (claimed or given back): load it again. */
  onChanged(): void;
  /** The task left the user (returned, delegated): go back to the inbox. */
  onGone(): void;
  onError(e: unknown): void;
}

/** Claim / give back, 退回 with a required reason, 转办 to another user, 加签 and 抄送 (VerbActions). */
export function TaskActions({ task, myId, returnTargets, onChanged, onGone, onError }: TaskActionsProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [delegating, setDelegating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [returnForm] = Form.useForm<{ reason: string; target?: string }>();
  const [delegateForm] = Form.useForm<{ username: string }>();

  const run = async (action: () => Promise<unknown>, done: () => void) => {
    setBusy(true);
    try {
      await action();
      done();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const claim = () =>
    run(
      () => workflowApi.claim(task.id),
      () => {
        void message.success(t('tasks.claimed'));
        onChanged();
      },
    );
  const unclaim = () => run(() => workflowApi.unclaim(task.id), onChanged);
  const sendBack = async () => {
    const { reason, target } = await returnForm.validateFields();
    await run(
      () => workflowApi.returnTask(task.id, reason.trim(), target),
      () => {
        setReturning(false);
        void message.success(t('tasks.returned'));
        onGone();
      },
    );
  };
  const handOver = async () => {
    const { username } = await delegateForm.validateFields();
    await run(
      () => workflowApi.delegate(task.id, username.trim()),
      () => {
        setDelegating(false);
        void message.success(t('tasks.delegated', { username: username.trim() }));
        onGone();
      },
    );
  };

  const mine = task.assignee === myId;
  return (
    <>
      <Space wrap>
        {!task.assignee && (
          <Button onClick={claim} loading={busy} data-testid="task-claim">
            {t('tasks.claim')}
          </Button>
        )}
        {mine && (
          <Button onClick={unclaim} loading={busy} data-testid="task-unclaim">
            {t('tasks.unclaim')}
          </Button>
        )}
        {returnTargets.length > 0 && (
          <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="task-return">
            {t('tasks.return')}
          </Button>
        )}
        <Button icon={<SwapOutlined />} onClick={() => setDelegating(true)} data-testid="task-delegate">
          {t('tasks.delegate')}
        </Button>
        <VerbActions task={task} onGone={onGone} onChanged={onChanged} onError={onError} />
      </Space>

      <Modal
        open={returning}
        title={t('tasks.returnTitle')}
        okText={t('tasks.return')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'task-return-confirm' } as ButtonProps}
        onOk={() => void sendBack().catch(() => undefined)}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form form={returnForm} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('tasks.returnReason')}
            extra={t('tasks.returnReasonHint')}
            rules={[{ required: true, whitespace: true, message: t('tasks.returnReasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount data-testid="task-return-reason" />
          </Form.Item>
          {returnTargets.length > 1 && (
            <Form.Item name="target" label={t('tasks.returnTarget')}>
              <Select
                allowClear
                placeholder={t('tasks.returnTargetDefault')}
                options={returnTargets.map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          )}
        </Form>
      </Modal>

      <Modal
        open={delegating}
        title={t('tasks.delegateTitle')}
        okText={t('tasks.delegate')}
        okButtonProps={{ loading: busy }}
        onOk={() => void handOver().catch(() => undefined)}
        onCancel={() => setDelegating(false)}
        destroyOnHidden
      >
        <Form form={delegateForm} layout="vertical" preserve={false}>
          <Form.Item
            name="username"
            label={t('tasks.delegateUser')}
            rules={[{ required: true, whitespace: true, message: t('tasks.delegateUserRequired') }]}
          >
            <Input autoComplete="off" data-testid="task-delegate-user" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
