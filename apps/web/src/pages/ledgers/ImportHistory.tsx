import type { RegisterImport, RegisterSource } from '@kcbx/api-contract';
import { Spin, Table } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { sourceLabel } from './labels';
import { ledgersApi } from './ledgersApi';
import { RowProblems } from './RowProblems';

/** The row problems an earlier import recorded, fetched when the clerk opens its line. */
function PastProblems({ id }: { id: string }) {
  const showError = useShowError();
  const { data: detail } = useLoad(() => ledgersApi.importDetail(id), [id], showError);
  if (!detail) return <Spin size="small" />;
  return <RowProblems problems={detail.rejected ?? []} total={detail.rejectedCount} testId="register-history-problems" />;
}

/** Every import kept, newest first: which register, which file, who and when, and how many rows went in. */
export function ImportHistory({
  imports,
  loading,
}: {
  imports: (RegisterImport & { importedByName?: string | null })[];
  loading: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      data-testid="register-history"
      dataSource={imports}
      locale={{ emptyText: t('ledgers.registers.noImports') }}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      expandable={{ rowExpandable: (r) => r.rejectedCount > 0, expandedRowRender: (r) => <PastProblems id={r.id} /> }}
      columns={[
        { title: t('ledgers.registers.source'), dataIndex: 'source', render: (s: RegisterSource) => t(sourceLabel(s)) },
        { title: t('ledgers.registers.fileName'), dataIndex: 'fileName' },
        { title: t('ledgers.registers.importedBy'), dataIndex: 'importedByName', render: (v: string | null, r) => v ?? r.importedBy },
        { title: t('ledgers.registers.importedAt'), dataIndex: 'importedAt', render: (v: string) => formatDateTime(v) },
        { title: t('ledgers.registers.rows'), dataIndex: 'rows', align: 'right' },
        { title: t('ledgers.registers.accepted'), dataIndex: 'accepted', align: 'right' },
        { title: t('ledgers.registers.rejected'), dataIndex: 'rejectedCount', align: 'right' },
      ]}
    />
  );
}
