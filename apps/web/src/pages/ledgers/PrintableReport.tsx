import { Button, Space, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { ledgersApi } from './ledgersApi';
import { PrintableCounts } from './PrintableCounts';
import { PrintableEntries } from './PrintableEntries';
import { PrintableVisits } from './PrintableVisits';
import { SignOffLines } from '../reports/SignOffLines';
import './print-report.css';

/** The monthly report as a printable A4 page: the same numbers as the XLSX, from the same API. */
export function PrintableReport({ orgUnit, month, onBack }: { orgUnit?: string; month: string; onBack: () => void }) {
  const { t, formatDate } = useI18n();
  const showError = useShowError();
  const { data: r } = useLoad(() => ledgersApi.report(orgUnit, month), [orgUnit, month], showError);
  if (!r) return <Spin />;
  const [y, m] = month.split('-');
  return (
    <>
      <Space className="kcbx-no-print" style={{ marginBottom: 12 }}>
        <Button onClick={onBack}>{t('ledgers.report.back')}</Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="report-print">
          {t('ledgers.report.printNow')}
        </Button>
      </Space>
      <div className="kcbx-report" data-testid="printable-report">
        <h1>{t('ledgers.report.title', { unit: r.unit.name, month: `${y}年${Number(m)}月` })}</h1>
        <div className="meta">
          {/* A past month's figures are the ledger as it stood when that month ended (the API's rule). */}
          {t('ledgers.report.asOf', {
            date: formatDate(month < dayjs().format('YYYY-MM') ? dayjs(`${month}-01`).endOf('month').toDate() : new Date()),
          })}
          {'　'}
          {t('ledgers.report.printedAt', { date: formatDate(new Date()) })}
        </div>
        <PrintableCounts r={r} />
        {r.entries && <PrintableEntries entries={r.entries} />}
        {!r.entries && r.visits.townships.length > 0 && <PrintableVisits visits={r.visits} />}
        {/* Signed in the system on 报表 (/reports); here blank lines for the pen. */}
        <SignOffLines />
      </div>
    </>
  );
}
