import {
  isLedgerKind,
  isLedgerStatus,
  LEDGER_KINDS,
  LEDGER_STATUSES,
  type LedgerEntry,
  type LedgerKind,
  type Page,
} from '@kcbx/api-contract';
import { useMemo, useState } from 'react';
import type { ButtonProps } from 'antd';
import { App, Badge, Button, Select, Space, Tabs, TreeSelect } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { buildOrgTree } from '../../util/orgTree';
import { useLoad } from '../../util/useLoad';
import { useOrgUnits } from '../../util/useOrgUnits';
import { useShowError } from '../../util/useShowError';
import { HistoryDrawer } from './HistoryDrawer';
import { kindLabel, statusLabel } from './labels';
import { LedgerTable } from './LedgerTable';
import { ledgersApi } from './ledgersApi';

const PAGE_SIZE = 20;
const NO_ENTRIES: Page<LedgerEntry> = { items: [], total: 0 };

/**
 * 适龄未入学台账 · 疑似辍学台账 · 辍学台账, within the caller's scope. Filters live in the address, so the
 * dashboard can link straight to a school's entries. Persuasion starts from one entry or from a selection;
 * the entry then follows its case until the procedure signs it off.
 */
export default function LedgersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind: LedgerKind = isLedgerKind(kindParam) ? kindParam : 'suspected-dropout';
  const orgUnit = params.get('orgUnit') ?? undefined;
  const statusParam = params.get('status');
  const status = isLedgerStatus(statusParam) ? statusParam : undefined;
  const [page, setPage] = useState(1);
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

  const entries = useLoad(() => ledgersApi.ledger(kind, { orgUnit, status }, page, PAGE_SIZE), [kind, orgUnit, status, page], showError);
  // The tabs' counts follow the same unit and status filters.
  const counts = useLoad(
    () =>
      Promise.all(LEDGER_KINDS.map((k) => ledgersApi.ledger(k, { orgUnit, status }, 1, 1).then((r) => [k, r.total] as const))).then(
        (pairs): Partial<Record<LedgerKind, number>> => Object.fromEntries(pairs),
      ),
    [orgUnit, status],
    showError,
  );
  const data = entries.data ?? NO_ENTRIES;
  const load = () => {
    entries.reload();
    counts.reload();
  };

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
              <Badge count={counts.data?.[k] ?? 0} showZero overflowCount={99999} size="small" color="#8c8c8c" offset={[6, -2]} />
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
          aria-label={t('ledgers.filter.unit')}
          treeData={tree}
          value={orgUnit}
          onChange={(v?: string) => setFilter({ orgUnit: v })}
          data-testid="ledger-filter-unit"
        />
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('ledgers.filter.allStatuses')}
          aria-label={t('ledgers.filter.status')}
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
      <LedgerTable
        data={data}
        loading={entries.loading}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        manage={manage}
        selected={selected}
        onSelect={setSelected}
        onStart={start}
        onHistory={setHistory}
      />
      <HistoryDrawer entry={history} onClose={() => setHistory(null)} />
    </>
  );
}
