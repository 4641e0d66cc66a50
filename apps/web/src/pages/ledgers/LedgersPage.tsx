import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ButtonProps } from 'antd';
import { App, Badge, Button, Select, Space, Table, Tabs, Tag, TreeSelect, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { buildOrgTree } from '../../util/orgTree';
import { useOrgUnits } from '../../util/useOrgUnits';
import { useShowError } from '../../util/useShowError';
import { HistoryDrawer } from './HistoryDrawer';
import { kindLabel, STATUS_COLOR, statusLabel } from './labels';
import { LEDGER_KINDS, LEDGER_STATUSES, LedgerEntry, LedgerKind, ledgersApi, LedgerStatus } from './ledgersApi';

const PAGE_SIZE = 20;

/**
 * 适龄儿童台账 · 疑似辍学台账 · 辍学台账, within the caller's scope. Filters live in the address, so the
 * dashboard can link straight to a school's entries. Persuasion starts from one entry or from a selection;
 * the entry then follows its case until the procedure signs it off.
 */
export default function LedgersPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const kind = (LEDGER_KINDS as string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as LedgerKind) : 'suspected-dropout';
  const orgUnit = params.get('orgUnit') ?? undefined;
  const status = (LEDGER_STATUSES as string[]).includes(params.get('status') ?? '') ? (params.get('status') as LedgerStatus) : undefined;
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: LedgerEntry[]; total: number }>({ items: [], total: 0 });
  const [counts, setCounts] = useState<Partial<Record<LedgerKind, number>>>({});
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [history, setHistory] = useState<LedgerEntry | null>(null);
  const { units } = useOrgUnits();
  const tree = useMemo(() => buildOrgTree(units.filter((u) => u.kind !== 'village')), [units]);
  const manage = can('ledger.manage');

  const setFilter = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
    setPage(1);
    setSelected([]);
  };

  const load = useCallback(() => {
    setLoading(true);
    ledgersApi
      .ledger(kind, { orgUnit, status }, page, PAGE_SIZE)
      .then(setData)
      .catch(showError)
      .finally(() => setLoading(false));
    Promise.all(LEDGER_KINDS.map((k) => ledgersApi.ledger(k, { orgUnit, status }, 1, 1).then((r) => [k, r.total] as const)))
      .then((pairs) => setCounts(Object.fromEntries(pairs)))
      .catch(showError);
  }, [kind, orgUnit, status, page, showError]);
  useEffect(load, [load]);

  const start = (ids: string[]) =>
    ledgersApi
      .startPersuasion(kind, ids)
      .then((r) => {
        void message.success(t('ledgers.started', { n: r.started.length }));
        setSelected([]);
        load();
      })
      .catch((e) => {
        showError(e);
        load();
      });
  const startSelected = () =>
    modal.confirm({
      title: t('ledgers.confirmBulk', { n: selected.length }),
      onOk: () => start(selected),
      okButtonProps: { 'data-testid': 'ledger-bulk-confirm' } as ButtonProps,
    });

  return (
    <>
      <PageTitle>{t('shell.menu.ledgers')}</PageTitle>
      <Tabs
        activeKey={kind}
        onChange={(k) => setFilter({ kind: k })}
        items={LEDGER_KINDS.map((k) => ({
          key: k,
          label: (
            <span data-testid={`ledger-tab-${k}`}>
              {t(kindLabel(k))}
              <Badge count={counts[k] ?? 0} showZero overflowCount={99999} size="small" color="#8c8c8c" offset={[6, -2]} />
            </span>
          ),
        }))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <TreeSelect
          style={{ width: 280 }}
          allowClear
          showSearch
          treeNodeFilterProp="title"
          placeholder={t('ledgers.filter.allUnits')}
          treeData={tree}
          value={orgUnit}
          onChange={(v?: string) => setFilter({ orgUnit: v })}
          data-testid="ledger-filter-unit"
        />
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('ledgers.filter.allStatuses')}
          value={status}
          onChange={(v?: string) => setFilter({ status: v })}
          options={LEDGER_STATUSES.map((s) => ({ value: s, label: t(statusLabel(s)) }))}
          data-testid="ledger-filter-status"
        />
        {manage && (
          <Button type="primary" disabled={!selected.length} onClick={startSelected} data-testid="ledger-bulk-start">
            {t('ledgers.startBulk', { n: selected.length })}
          </Button>
        )}
      </Space>
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        data-testid="ledger-table"
        dataSource={data.items}
        locale={{ emptyText: t('ledgers.empty') }}
        rowSelection={
          manage
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: r.status !== 'open' }),
              }
            : undefined
        }
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data.total,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { total: n }),
        }}
        columns={[
          {
            title: t('ledgers.col.student'),
            dataIndex: 'studentName',
            render: (v: string, r) => (r.studentId ? <Link to={`/students/${r.studentId}`}>{v}</Link> : v),
          },
          {
            title: t('ledgers.col.idNumber'),
            dataIndex: 'idNumberMasked',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          { title: t('ledgers.col.unit'), dataIndex: 'orgUnitName' },
          { title: t('ledgers.col.reason'), dataIndex: 'reason' },
          {
            title: t('ledgers.col.status'),
            dataIndex: 'status',
            render: (s: LedgerStatus) => <Tag color={STATUS_COLOR[s]}>{t(statusLabel(s))}</Tag>,
          },
          {
            title: t('ledgers.col.case'),
            dataIndex: 'caseId',
            // The case is in the child's file (一生一案) when the child is on the student register; policy
            // staff also find it among the procedure's running instances.
            render: (id: string | null, r) => {
              if (!id) return '—';
              if (r.studentId) return <Link to={`/students/${r.studentId}`}>{id.slice(-8)}</Link>;
              if (can('design')) return <Link to="/design/instances?key=persuasion-return">{id.slice(-8)}</Link>;
              return <Typography.Text type="secondary">{id.slice(-8)}</Typography.Text>;
            },
          },
          { title: t('ledgers.col.created'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r) => (
              <Space size={4}>
                {manage && r.status === 'open' && (
                  <Button size="small" type="link" onClick={() => start([r.id])}>
                    {t('ledgers.startOne')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setHistory(r)}>
                  {t('ledgers.historyButton')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <HistoryDrawer entry={history} onClose={() => setHistory(null)} />
    </>
  );
}
