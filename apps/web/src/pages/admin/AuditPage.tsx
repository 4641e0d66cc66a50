import type { AuditEntry, Page } from '@kcbx/api-contract';
import { useState } from 'react';
import { Input, Space, Table } from 'antd';
import { api } from '../../api/endpoints';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';

const PAGE_SIZE = 20;

/** Writes are recorded as {params, query, body}; the body (secrets already redacted by the API) says most. */
function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'string') return detail;
  const body = (detail as { body?: unknown }).body;
  return JSON.stringify(body !== undefined && body !== null && Object.keys(body).length ? body : detail);
}

const NO_ENTRIES: Page<AuditEntry> = { items: [], total: 0 };

export default function AuditPage() {
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const [filter, setFilter] = useState<{ username?: string; entity?: string }>({});
  const [page, setPage] = useState(1);

  const { data = NO_ENTRIES, loading } = useLoad(() => api.audit(filter, page, PAGE_SIZE), [filter, page], showError);

  const filterBy = (field: 'username' | 'entity') => (v: string) => {
    setPage(1);
    setFilter((f) => ({ ...f, [field]: v.trim() || undefined }));
  };

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={t('audit.filterUser')}
          allowClear
          onSearch={filterBy('username')}
          style={{ width: 220, maxWidth: '100%' }}
        />
        <Input.Search
          placeholder={t('audit.filterEntity')}
          allowClear
          onSearch={filterBy('entity')}
          style={{ width: 220, maxWidth: '100%' }}
        />
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data.items}
        data-testid="audit-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data.total,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 190, render: (at: string) => formatDateTime(at) },
          { title: t('audit.username'), dataIndex: 'username', width: 110 },
          { title: t('audit.action'), dataIndex: 'action', width: 240 },
          { title: t('audit.entity'), dataIndex: 'entity', width: 110 },
          { title: t('audit.entityId'), dataIndex: 'entityId', width: 130, ellipsis: true },
          { title: t('audit.detail'), dataIndex: 'detail', ellipsis: true, render: detailText },
        ]}
      />
    </>
  );
}
