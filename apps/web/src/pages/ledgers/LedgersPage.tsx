import { LEDGER_KINDS, type LedgerEntry, type LedgerKind, type Page } from '@kcbx/api-contract';
import { useState } from 'react';
import type { ButtonProps } from 'antd';
import { App } from 'antd';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { HistoryDrawer } from './HistoryDrawer';
import { LedgerFilters } from './LedgerFilters';
import { LedgerKindTabs } from './LedgerKindTabs';
import { LedgerTable } from './LedgerTable';
import { ledgersApi } from './ledgersApi';
import { useLedgerFilters, type LedgerFilterChanges } from './useLedgerFilters';

const PAGE_SIZE = 20;
const NO_ENTRIES: Page<LedgerEntry> = { items: [], total: 0 };

/**
 * 适龄未入学台账 · 疑似辍学台账 · 辍学台账, within the caller's scope, filtered by unit and status (see
 * useLedgerFilters). Persuasion starts from one entry or from a selection; the entry then follows its case until
 * the procedure signs it off.
 */
export default function LedgersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const { kind, orgUnit, status, setFilters } = useLedgerFilters();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [history, setHistory] = useState<LedgerEntry | null>(null);
  const manage = can('ledger.manage');

  const setFilter = (changes: LedgerFilterChanges) => {
    setFilters(changes);
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
      <LedgerKindTabs kind={kind} counts={counts.data} onChange={(k) => setFilter({ kind: k })} />
      <LedgerFilters
        orgUnit={orgUnit}
        status={status}
        onChange={setFilter}
        manage={manage}
        selectedCount={selected.length}
        onBulkStart={startSelected}
      />
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
