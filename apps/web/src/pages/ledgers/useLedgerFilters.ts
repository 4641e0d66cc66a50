import { isLedgerKind, isLedgerStatus, type LedgerKind } from '@kcbx/api-contract';
import { useSearchParams } from 'react-router-dom';

export type LedgerFilterChanges = Partial<Record<'kind' | 'orgUnit' | 'status', string | undefined>>;

/**
 * The ledger page's filters live in the address (kind, orgUnit, status), so the dashboard can link straight to a
 * school's entries; a change replaces the history entry rather than adding one.
 */
export function useLedgerFilters() {
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind: LedgerKind = isLedgerKind(kindParam) ? kindParam : 'suspected-dropout';
  const orgUnit = params.get('orgUnit') ?? undefined;
  const statusParam = params.get('status');
  const status = isLedgerStatus(statusParam) ? statusParam : undefined;

  const setFilters = (changes: LedgerFilterChanges) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return { kind, orgUnit, status, setFilters };
}
