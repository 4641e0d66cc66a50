import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Table, Tabs, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/endpoints';
import type { Inbox } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../shell/PageTitle';
import { useShowError } from '../util/useShowError';

type View = 'all' | 'mine' | 'candidate' | 'overdue';
const PAGE_SIZE = 20;

/** The clerk's inbox: tasks assigned to them or offered to their roles at their units, overdue ones marked. */
export default function InboxPage() {
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const navigate = useNavigate();
  const [view, setView] = useState<View>('all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Inbox>({ items: [], total: 0, counts: { mine: 0, candidate: 0, overdue: 0 } });
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    const scope = view === 'overdue' ? 'all' : view;
    api
      .inbox(scope, view === 'overdue', page, PAGE_SIZE)
      .then(setData)
      .catch(showError)
      .finally(() => setLoading(false));
  }, [view, page, showError]);
  useEffect(load, [load]);

  const claim = (id: string) => api.claimTask(id).then(load).catch(showError);
  const count = (n: number) => <Badge count={n} showZero={false} size="small" offset={[6, -2]} />;

  return (
    <>
      <PageTitle>{t('shell.menu.inbox')}</PageTitle>
      <Tabs
        activeKey={view}
        onChange={(k) => {
          setView(k as View);
          setPage(1);
        }}
        items={[
          { key: 'all', label: t('inbox.all') },
          {
            key: 'mine',
            label: (
              <span data-testid="inbox-count-mine">
                {t('inbox.mine')}
                {count(data.counts.mine)}
              </span>
            ),
          },
          {
            key: 'candidate',
            label: (
              <span data-testid="inbox-count-candidate">
                {t('inbox.candidate')}
                {count(data.counts.candidate)}
              </span>
            ),
          },
          {
            key: 'overdue',
            label: (
              <span>
                {t('inbox.overdue')}
                {count(data.counts.overdue)}
              </span>
            ),
          },
        ]}
      />
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        data-testid="inbox-table"
        dataSource={data.items}
        // A row opens its task page; the claim button inside a row only claims.
        onRow={(r) => ({ onClick: () => navigate(`/tasks/${r.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('inbox.empty') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: t('inbox.task'),
            dataIndex: 'name',
            render: (v: string | null, r) => <Link to={`/tasks/${r.id}`}>{v ?? r.activityId}</Link>,
          },
          { title: t('inbox.process'), dataIndex: 'processKey' },
          { title: t('inbox.unit'), dataIndex: 'orgUnitName' },
          { title: t('inbox.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('inbox.due'),
            dataIndex: 'dueAt',
            render: (v: string | null, r) => (
              <>
                {v ? formatDateTime(v) : '—'} {r.overdue && <Tag color="red">{t('inbox.overdue')}</Tag>}
              </>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) =>
              r.assignee ? (
                <Tag>{t('inbox.claimed')}</Tag>
              ) : (
                <Button
                  size="small"
                  onClick={(e) => {
                    e.stopPropagation();
                    void claim(r.id);
                  }}
                >
                  {t('inbox.claim')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
