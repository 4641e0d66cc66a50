import { isLedgerKind, isLedgerStatus, LEDGER_KINDS, LEDGER_STATUSES } from './ledgers';

describe('ledger guards', () => {
  it('given a value from a URL, when it names a ledger kind or status, then the guard accepts it and only then', () => {
    for (const kind of LEDGER_KINDS) expect(isLedgerKind(kind)).toBe(true);
    for (const status of LEDGER_STATUSES) expect(isLedgerStatus(status)).toBe(true);
    for (const other of ['', 'Dropout', 'open ', null, undefined, 3, ['dropout']]) {
      expect(isLedgerKind(other)).toBe(false);
      expect(isLedgerStatus(other)).toBe(false);
    }
  });
});
