import type { CaseCopyItem, Page } from '@kcbx/api-contract';
import { useState } from 'react';
import { Card, Empty, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { workflowApi } from '../../api/workflow';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';

const PAGE_SIZE = 20;
const NO_COPIES: Page<CaseCopyItem> = { items: [], total: 0 };

/** 抄送我的: cases copied to me; one opens the student's file (the whole case), for reading only. */
export function CopiedList() {
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const { data = NO_COPIES, loading } = useLoad(() => workflowApi.copiedToMe(page, PAGE_SIZE), [page], showError);

  return (
    <List
      data-testid="cc-list"
      loading={loading}
      dataSource={data.items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('verbs.ccEmpty')} /> }}
      pagination={
        data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, size: 'small' } : false
      }
      renderItem={(c) => (
        <List.Item style={{ padding: 0, border: 'none' }}>
          <Card
            size="small"
            className="kcbx-card"
            style={{ width: '100%', marginBottom: 8, cursor: c.studentId ? 'pointer' : undefined }}
            onClick={() => c.studentId && navigate(`/students/${c.studentId}`)}
            data-testid="cc-item"
          >
            <div className="kcbx-card-head">
              <strong>{c.studentName ?? '—'}</strong>
              <Tag>{c.processName ?? ''}</Tag>
            </div>
            <Typography.Text type="secondary">
              {t('verbs.ccStep')}：{c.stepName ?? '—'} · {t('verbs.ccFrom')}：{c.byName ?? t('verbs.ccSource.model')} · {t('verbs.ccAt')}：
              {formatDateTime(c.createdAt)}
            </Typography.Text>
          </Card>
        </List.Item>
      )}
    />
  );
}
