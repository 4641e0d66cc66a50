import { Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/errors';
import { workflowApi } from '../../api/workflow';
import { useI18n } from '../../i18n/i18n';

/**
 * 会签 / 或签: the vote of a co-signer the holder added in parallel. A rejection needs its reason (the holder reads
 * it before deciding), and a refusal from the server is shown at the opinion field.
 */
export function CoSignVote({ taskId, onVoted }: { taskId: string; onVoted: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ opinion?: string }>();
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const vote = async (decision: 'approve' | 'reject') => {
    form.setFields([{ name: 'opinion', errors: [] }]);
    const opinion = (form.getFieldValue('opinion') as string | undefined)?.trim();
    if (decision === 'reject' && !opinion) {
      form.setFields([{ name: 'opinion', errors: [t('verbs.vote.rejectNeedsOpinion')] }]);
      return;
    }
    setBusy(decision);
    try {
      await workflowApi.sign(taskId, decision, opinion);
      onVoted();
    } catch (e) {
      form.setFields([{ name: 'opinion', errors: [e instanceof ApiError ? e.message : String(e)] }]);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ marginTop: 12 }} data-testid="cosign-vote">
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {t('verbs.vote.title')}
      </Typography.Paragraph>
      <Form.Item name="opinion" label={t('verbs.vote.opinion')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="cosign-opinion" />
      </Form.Item>
      <Space wrap>
        <Button
          type="primary"
          loading={busy === 'approve'}
          disabled={!!busy}
          onClick={() => void vote('approve')}
          data-testid="cosign-approve"
        >
          {t('verbs.vote.approve')}
        </Button>
        <Button danger loading={busy === 'reject'} disabled={!!busy} onClick={() => void vote('reject')} data-testid="cosign-reject">
          {t('verbs.vote.reject')}
        </Button>
      </Space>
    </Form>
  );
}
