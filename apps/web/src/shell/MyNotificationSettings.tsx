import type { MyNotificationPreference, NotificationPreferenceBody, NotifyChannel } from '@kcbx/api-contract';
import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, Form, Input, Modal, Switch, Typography } from 'antd';
import { ApiError } from '../api/errors';
import { deliveriesApi } from '../api/notifications';
import { fieldProblems } from '../components/forms/ServerErrors';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../util/useLoad';
import { useShowError } from '../util/useShowError';

const CHANNELS: NotifyChannel[] = ['wecom', 'dingtalk', 'sms', 'email'];
type Fields = Required<Pick<NotificationPreferenceBody, 'channels' | 'digest'>> & { email: string; mobile: string };

/**
 * 通知方式: which of the county's channels reach me besides the bell, as they come or once a day, and where to.
 * The server checks it (a channel the county lacks, SMS without a mobile) and its message goes to that field.
 */
export function MyNotificationSettings({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Fields>();
  const mine = useLoad(
    (): Promise<MyNotificationPreference | null> => (open ? deliveriesApi.mine() : Promise.resolve(null)),
    [open],
    showError,
  );
  const current = mine.data ?? null;
  const [busy, setBusy] = useState(false);

  // The fields show each newly loaded preference (the dialog's form is new each time it opens).
  useEffect(() => {
    if (mine.data)
      form.setFieldsValue({
        channels: mine.data.channels,
        digest: mine.data.digest,
        email: mine.data.email ?? '',
        mobile: mine.data.mobile ?? '',
      });
  }, [mine.data, form]);

  const save = async (v: Fields) => {
    setBusy(true);
    try {
      const saved = await deliveriesApi.saveMine({
        channels: v.channels,
        digest: v.digest,
        email: v.email || null,
        mobile: v.mobile || null,
      });
      mine.setData(saved);
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      const problems = e instanceof ApiError && e.status === 400 ? fieldProblems(e.details) : [];
      if (problems.length) {
        form.setFields(problems.map((p) => ({ name: (p.field ?? '').replace(/^\//, '') as keyof Fields, errors: [p.message] })));
      } else showError(e);
    } finally {
      setBusy(false);
    }
  };

  const available = current?.available ?? [];
  return (
    <Modal
      title={t('notifications.mine.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      destroyOnHidden
    >
      {current && !available.length && <Alert type="info" style={{ marginBottom: 12 }} message={t('notifications.outbox.noChannels')} />}
      {current?.source === 'role' && <Typography.Paragraph type="secondary">{t('notifications.mine.fromRole')}</Typography.Paragraph>}
      <Form<Fields> form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="my-notification-settings">
        <Form.Item name="channels" label={t('notifications.roles.channels')}>
          <Checkbox.Group
            options={CHANNELS.map((c) => ({ value: c, label: t(`notifications.channel.${c}`), disabled: !available.includes(c) }))}
          />
        </Form.Item>
        <Form.Item name="digest" label={t('notifications.roles.digest')} valuePropName="checked" extra={t('notifications.mine.digestHint')}>
          <Switch />
        </Form.Item>
        <Form.Item name="mobile" label={t('notifications.mine.mobile')}>
          <Input inputMode="tel" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('notifications.mine.email')}>
          <Input inputMode="email" maxLength={200} autoComplete="email" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
