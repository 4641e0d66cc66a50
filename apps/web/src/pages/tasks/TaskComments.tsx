import type { TaskComment } from '@kcbx/api-contract';
import { useState } from 'react';
import { Button, Empty, Input, List, Space, Typography } from 'antd';
import { ApiError } from '../../api/errors';
import { itemsOf, workflowApi } from '../../api/workflow';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../util/useLoad';
import { commentParts } from './commentParts';

const NO_COMMENTS: TaskComment[] = [];
const unavailable = (e: unknown) => e instanceof ApiError && e.status === 404;

/** The case's comments (all steps) and a box to add one. A server without comments (404) says so instead. */
export function TaskComments({ taskId, onError }: { taskId: string; onError(e: unknown): void }) {
  const { t, formatDateTime } = useI18n();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const comments = useLoad(
    () => workflowApi.comments(taskId).then(itemsOf),
    [taskId],
    (e) => !unavailable(e) && onError(e),
  );
  const items = comments.data ?? NO_COMMENTS;

  const add = async () => {
    if (!draft.trim()) return;
    setBusy(true);
    try {
      await workflowApi.addComment(taskId, draft.trim());
      setDraft('');
      comments.reload();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  if (unavailable(comments.error)) return <Typography.Text type="secondary">{t('tasks.commentsUnavailable')}</Typography.Text>;
  return (
    <div data-testid="task-comments">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.commentsNone')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => {
            const { text, who, at } = commentParts(c);
            return (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space>
                      <span>{who}</span>
                      {at && <Typography.Text type="secondary">{formatDateTime(at)}</Typography.Text>}
                    </Space>
                  }
                  description={<span style={{ whiteSpace: 'pre-wrap', color: 'inherit' }}>{text}</span>}
                />
              </List.Item>
            );
          }}
        />
      )}
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input.TextArea
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          placeholder={t('tasks.commentPlaceholder')}
          data-testid="task-comment-input"
        />
        <Button onClick={() => void add()} loading={busy} disabled={!draft.trim()} data-testid="task-comment-add">
          {t('tasks.commentAdd')}
        </Button>
      </Space.Compact>
    </div>
  );
}
