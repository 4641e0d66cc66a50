import type { BatchResult } from '@kcbx/api-contract';
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { CheckSquareOutlined } from '@ant-design/icons';
import { workflowApi } from '../../api/workflow';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';

/**
 * 批量审批: one decision and opinion for the selected tasks. The server completes each on its own and says which
 * failed and why; those stay listed here until the clerk closes the dialog.
 */
export function BatchApprove({ taskIds, names, onDone }: { taskIds: string[]; names: Record<string, string>; onDone(): void }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BatchResult | null>(null);
  const [form] = Form.useForm<{ decision: string; comment?: string }>();

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const res = await workflowApi.batchComplete(taskIds, {
        decision: v.decision,
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      });
      setResult(res);
      onDone();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setResult(null);
  };
  const failed = result?.results.filter((r) => r.status === 'failed') ?? [];

  return (
    <>
      <Button
        type="primary"
        icon={<CheckSquareOutlined />}
        disabled={!taskIds.length}
        onClick={() => setOpen(true)}
        data-testid="batch-open"
      >
        {t('verbs.batch')}
        {taskIds.length ? `（${t('verbs.selected', { count: taskIds.length })}）` : ''}
      </Button>
      <Modal
        open={open}
        title={t('verbs.batchTitle', { count: result ? result.results.length : taskIds.length })}
        okText={t('verbs.batchSubmit')}
        okButtonProps={{ loading: busy, disabled: !!result, 'data-testid': 'batch-confirm' } as ButtonProps}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={close}
        destroyOnHidden
      >
        {result ? (
          <div data-testid="batch-result">
            <Alert
              type={failed.length ? 'warning' : 'success'}
              showIcon
              message={t('verbs.batchDone', { completed: result.completed, failed: result.failed })}
            />
            {failed.length > 0 && (
              <div style={{ marginTop: 12 }}>
                {t('verbs.batchFailures')}
                {failed.map((f) => (
                  <div key={f.taskId} data-testid="batch-failure">
                    {names[f.taskId] ?? f.taskId}：{f.error}
                  </div>
                ))}
              </div>
            )}
          </div>
        ) : (
          <Form form={form} layout="vertical" preserve={false} initialValues={{ decision: 'approve' }}>
            <Alert type="info" message={t('verbs.batchHint')} style={{ marginBottom: 12 }} />
            <Form.Item name="decision" label={t('verbs.batchDecision')}>
              <Select
                data-testid="batch-decision"
                options={[
                  { value: 'approve', label: t('verbs.batchApprove') },
                  { value: 'return', label: t('verbs.batchReturn') },
                ]}
              />
            </Form.Item>
            <Form.Item name="comment" label={t('verbs.batchComment')}>
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="batch-comment" />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
