import type { SignerMode, SignPolicy, TaskDetail } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import { CopyOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { workflowApi } from '../../api/workflow';
import { useI18n } from '../../i18n/i18n';

const names = (text?: string) =>
  (text ?? '')
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

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
  const [signersForm] = Form.useForm<{ usernames: string; mode: SignerMode; policy?: SignPolicy; ratio?: number }>();
  const [ccForm] = Form.useForm<{ usernames?: string; roles?: string }>();
  const mode = Form.useWatch('mode', signersForm);
  const policy = Form.useWatch('policy', signersForm);

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
  const addSigners = async () => {
    const v = await signersForm.validateFields();
    await run(async () => {
      await workflowApi.addSigners(task.id, {
        usernames: names(v.usernames),
        mode: v.mode,
        ...(v.mode === 'parallel' ? { policy: v.policy ?? 'all', ...(v.policy === 'ratio' ? { ratio: v.ratio } : {}) } : {}),
      });
      void message.success(t('verbs.signersAdded'));
      if (v.mode === 'before') onGone();
      else onChanged();
    });
  };
  const copy = async () => {
    const v = await ccForm.validateFields();
    await run(async () => {
      const res = await workflowApi.cc(task.id, { usernames: names(v.usernames), roles: names(v.roles) });
      void message.success(t('verbs.copied', { count: res.copied }));
    });
  };

  return (
    <>
      <Button icon={<UsergroupAddOutlined />} onClick={() => setOpen('signers')} data-testid="task-add-signers">
        {t('verbs.addSigners')}
      </Button>
      <Button icon={<CopyOutlined />} onClick={() => setOpen('cc')} data-testid="task-cc">
        {t('verbs.cc')}
      </Button>

      <Modal
        open={open === 'signers'}
        title={t('verbs.addSignersTitle')}
        okText={t('verbs.addSigners')}
        okButtonProps={{ loading: busy, 'data-testid': 'signers-confirm' } as ButtonProps}
        onOk={() => void addSigners().catch(() => undefined)}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <Form form={signersForm} layout="vertical" preserve={false} initialValues={{ mode: 'before', policy: 'all', ratio: 50 }}>
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

      <Modal
        open={open === 'cc'}
        title={t('verbs.ccTitle')}
        okText={t('verbs.cc')}
        okButtonProps={{ loading: busy, 'data-testid': 'cc-confirm' } as ButtonProps}
        onOk={() => void copy().catch(() => undefined)}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <Form form={ccForm} layout="vertical" preserve={false}>
          <Form.Item
            name="usernames"
            label={t('verbs.ccUsers')}
            extra={t('verbs.ccHint')}
            dependencies={['roles']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  names(v).length || names(getFieldValue('roles')).length
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('verbs.ccRequired'))),
              }),
            ]}
          >
            <Input autoComplete="off" data-testid="cc-usernames" />
          </Form.Item>
          <Form.Item name="roles" label={t('verbs.ccRoles')}>
            <Input autoComplete="off" data-testid="cc-roles" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
