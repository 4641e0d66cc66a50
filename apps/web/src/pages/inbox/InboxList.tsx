import type { InboxTask } from '@kcbx/api-contract';
import { Grid } from 'antd';
import { InboxCards } from './InboxCards';
import { InboxTable } from './InboxTable';

export interface InboxListProps {
  items: InboxTask[];
  done: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
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
  return desk ? <InboxTable {...props} /> : <InboxCards {...props} />;
}
