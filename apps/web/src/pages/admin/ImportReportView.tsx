import type { ImportReport } from '@kcbx/api-contract';
import { Alert, Table } from 'antd';
import { useI18n } from '../../i18n/i18n';

/** Summary line plus one table row per rejected file row (row numbers as in the spreadsheet). */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const counts = { rows: report.rows, accepted: report.accepted, rejected: report.rejected.length };
  const summary = report.dryRun ? t('imports.summary', counts) : t('imports.done', counts);
  const unchanged = report.unchanged ? ` ${t('imports.unchanged', { unchanged: report.unchanged })}` : '';
  const ok = report.rejected.length === 0;
  return (
    <div data-testid="import-report">
      <Alert
        type={ok ? 'success' : 'warning'}
        showIcon
        message={summary + unchanged}
        description={report.dryRun ? (ok ? t('imports.noErrors') : t('imports.hasErrors')) : undefined}
        style={{ marginBottom: 12 }}
      />
      {!ok && (
        <Table
          size="small"
          rowKey={(r, i) => `${r.row}-${r.field ?? ''}-${i}`}
          dataSource={report.rejected}
          pagination={report.rejected.length > 20 ? { pageSize: 20 } : false}
          data-testid="import-errors"
          columns={[
            { title: t('imports.row'), dataIndex: 'row', width: 80 },
            { title: t('imports.field'), dataIndex: 'field', width: 140 },
            { title: t('imports.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}
