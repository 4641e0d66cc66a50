import type { InboxTask } from '@kcbx/api-contract';
import { Grid, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { InboxCards } from './InboxCards';

// A phone never draws the table: antd's Table (and its checkbox, pager and filter code) loads on a desk only.
const InboxTable = lazy(() => import('./InboxTable').then((m) => ({ default: m.InboxTable })));

export interface InboxListProps {
  items: InboxTask[];
  done: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  /** `total` is the server's cap: at least that many (a bureau office's inbox) */
  totalCapped?: boolean;
  /** there is a page after this one */
  hasNext?: boolean;
  onPage(page: number): void;
  onClaim(id: string): void;
  /** Procedure names by key, for rows from a server that does not send processName. */
  procedureNames?: Record<string, string>;
  /** 批量审批: the ticked open tasks */
  selected?: string[];
  onSelect?(ids: string[]): void;
  /** 已办: a 撤回 or 催办 changed where a case stands */
  onChanged?(): void;
}

/** The list's props with the optional ones filled in. */
export type InboxRowsProps = InboxListProps & Required<Pick<InboxListProps, 'procedureNames' | 'selected' | 'onChanged'>>;

/**
 * The inbox rows: a table on a desk, cards below 992 px. A row or card opens its task; the claim button only
 * claims. 已办 rows show when I completed them and where the case is now.
 */
export function InboxList({ procedureNames = {}, selected = [], onChanged = () => undefined, ...rest }: InboxListProps) {
  const desk = Grid.useBreakpoint().lg === true;
  const props = { ...rest, procedureNames, selected, onChanged };
  return desk ? (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '40px auto' }} />}>
      <InboxTable {...props} />
    </Suspense>
  ) : (
    <InboxCards {...props} />
  );
}
