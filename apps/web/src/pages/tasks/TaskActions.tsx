import type { TaskDetail } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { workflowApi } from '../../api/workflow';
import { useI18n } from '../../i18n/i18n';
import { DelegateTaskModal } from './DelegateTaskModal';
import type { ReturnTarget } from './returnTargets';
import { ReturnTaskModal } from './ReturnTaskModal';
import { VerbActions } from './VerbActions';

export interface TaskActionsProps {
  task: TaskDetail;
  myId: string;
  /** Earlier user steps the task may be sent back to, newest first (none on a first step: no 退回 button). */
  returnTargets: ReturnTarget[];
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
  const sendBack = (reason: string, target: string | undefined) =>
    run(
      () => workflowApi.returnTask(task.id, reason, target),
      () => {
        setReturning(false);
        void message.success(t('tasks.returned'));
        onGone();
      },
    );
  const handOver = (username: string) =>
    run(
      () => workflowApi.delegate(task.id, username),
      () => {
        setDelegating(false);
        void message.success(t('tasks.delegated', { username }));
        onGone();
      },
    );

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

      <ReturnTaskModal open={returning} busy={busy} targets={returnTargets} onSubmit={sendBack} onCancel={() => setReturning(false)} />
      <DelegateTaskModal open={delegating} busy={busy} onSubmit={handOver} onCancel={() => setDelegating(false)} />
    </>
  );
}
