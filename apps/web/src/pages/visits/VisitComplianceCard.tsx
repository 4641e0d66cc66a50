import type { Dashboard, OfficeVisits, PersonVisits } from '@kcbx/api-contract';
import { Alert, Button, Card, Table, Tabs, Tag } from 'antd';
import type { EChartsOption } from 'echarts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { Chart } from '../ledgers/Chart';
import { VisitsTable } from '../ledgers/dashboardTables';

/**
 * 包抓走访 on the dashboard: the county's visits per month (a county parameter), judged per person (their visits
 * to the townships assigned to them), per office and per township. Tables scroll sideways on a phone.
 */
export function VisitComplianceCard({ d, townshipChart }: { d: Dashboard; townshipChart: EChartsOption }) {
  const { t } = useI18n();
  const { required, months } = d.visits;
  const tag = (n: number) => <Tag color={required === null ? 'default' : n >= required ? 'green' : 'red'}>{n}</Tag>;
  const monthColumns = <R extends { visits: number[] }>() =>
    months.map((m, i) => ({ title: m, key: m, align: 'right' as const, render: (_: unknown, r: R) => tag(r.visits[i]) }));
  const last = months.length - 1;
  return (
    <Card
      size="small"
      title={t('visits.compliance')}
      data-testid="dash-visits"
      extra={
        <Link to="/visit-assignments">
          <Button size="small" data-testid="dash-visits-assignments">
            {t('visits.openTable')}
          </Button>
        </Link>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 8 }}
        data-testid="dash-visits-hint"
        message={required === null ? t('visits.hintUnset') : t('visits.hint', { n: required })}
      />
      <Tabs
        size="small"
        items={[
          {
            key: 'people',
            label: t('visits.byPerson'),
            children: (
              <Table<PersonVisits>
                size="small"
                rowKey="userId"
                pagination={false}
                scroll={{ x: 'max-content' }}
                data-testid="dash-visits-people"
                dataSource={d.visits.people}
                locale={{ emptyText: t('visits.noPeople') }}
                columns={[
                  { title: t('visits.person'), dataIndex: 'displayName', fixed: 'left' },
                  { title: t('visits.office'), dataIndex: 'office' },
                  { title: t('visits.township'), key: 'townships', render: (_, r) => r.townships.map((x) => x.name).join('、') },
                  ...monthColumns<PersonVisits>(),
                  {
                    title: t('ledgers.dash.compliantMonths'),
                    key: 'met',
                    align: 'right',
                    render: (_, r) => `${r.compliantMonths}/${months.length}`,
                  },
                ]}
              />
            ),
          },
          {
            key: 'offices',
            label: t('visits.byOffice'),
            children: (
              <Table<OfficeVisits>
                size="small"
                rowKey="office"
                pagination={false}
                scroll={{ x: 'max-content' }}
                data-testid="dash-visits-offices"
                dataSource={d.visits.offices}
                locale={{ emptyText: t('visits.noPeople') }}
                columns={[
                  { title: t('visits.office'), dataIndex: 'office', fixed: 'left' },
                  { title: t('visits.members'), dataIndex: 'members', align: 'right' },
                  ...monthColumns<OfficeVisits>(),
                  {
                    title: t('visits.compliantPeople', { month: months[last] ?? '' }),
                    key: 'met',
                    align: 'right',
                    render: (_, r) => (
                      <Tag color={required === null ? 'default' : r.compliant[last] === r.members ? 'green' : 'red'}>
                        {`${r.compliant[last] ?? 0}/${r.members}`}
                      </Tag>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'townships',
            label: t('visits.byTownship'),
            children: (
              <>
                <Chart option={townshipChart} height={240} testId="dash-chart-visits" />
                <VisitsTable d={d} />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
