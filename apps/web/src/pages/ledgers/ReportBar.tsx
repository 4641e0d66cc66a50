import { Button, Card, DatePicker, Space } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';

export interface ReportBarProps {
  month: string;
  onMonth: (month: string) => void;
  onExport: () => void;
  onPrint: () => void;
}

/** The monthly report's month, exported as XLSX or opened for printing on A4. */
export function ReportBar({ month, onMonth, onExport, onPrint }: ReportBarProps) {
  const { t } = useI18n();
  return (
    <Card size="small" className="kcbx-no-print">
      <Space wrap>
        <span>{t('ledgers.dash.reportMonth')}</span>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(v) => v && onMonth(v.format('YYYY-MM'))} />
        <Button icon={<DownloadOutlined />} onClick={onExport} data-testid="dash-export">
          {t('ledgers.dash.export')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={onPrint} data-testid="dash-print">
          {t('ledgers.dash.print')}
        </Button>
        <Link to={`/reports?type=month&period=${month}`} data-testid="dash-period-reports">
          {t('reports.otherPeriods')}
        </Link>
      </Space>
    </Card>
  );
}
