import type { TaskDetail } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, Button } from 'antd';
import { CopyOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { workflowApi } from '../../api/workflow';
import { useI18n } from '../../i18n/i18n';
import { AddSignersModal, type AddSigners } from './AddSignersModal';
import { CcModal } from './CcModal';

export interface VerbActionsProps {
  task: TaskDetail;
  /** 前加签 hands the step on: the page is left; other verbs change it in place */
  onGone(): void;
  onChanged(): void;
  onError(e: unknown): void;
}

/** 加签 (before / after / parallel) and 抄送 on the task page: buttons beside claim, 退回 and 转办. */
export function VerbActions({ task, onGone, onChanged, onError }: VerbActionsProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<'signers' | 'cc' | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setOpen(null);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const addSigners = (v: AddSigners) =>
    run(async () => {
      await workflowApi.addSigners(task.id, v);
      void message.success(t('verbs.signersAdded'));
      if (v.mode === 'before') onGone();
      else onChanged();
    });
  const copy = (v: { usernames: string[]; roles: string[] }) =>
    run(async () => {
      const res = await workflowApi.cc(task.id, v);
      void message.success(t('verbs.copied', { count: res.copied }));
    });

  return (
    <>
      <Button icon={<UsergroupAddOutlined />} onClick={() => setOpen('signers')} data-testid="task-add-signers">
        {t('verbs.addSigners')}
      </Button>
      <Button icon={<CopyOutlined />} onClick={() => setOpen('cc')} data-testid="task-cc">
        {t('verbs.cc')}
      </Button>
      <AddSignersModal open={open === 'signers'} busy={busy} onSubmit={addSigners} onCancel={() => setOpen(null)} />
      <CcModal open={open === 'cc'} busy={busy} onSubmit={copy} onCancel={() => setOpen(null)} />
    </>
  );
}
