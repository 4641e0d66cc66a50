import type { ReconciliationDifference } from '@kcbx/api-contract';
import { Button, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { DIFFERENCE_COLOR, differenceLabel } from './reconciliationLabels';

/** Every difference child by child: which list they are missing from, their unit, and its explanation or the button to give one. */
export function DifferencesTable({
  diffs,
  onExplain,
}: {
  diffs: ReconciliationDifference[];
  onExplain(d: ReconciliationDifference): void;
}) {
  const { t, formatDateTime } = useI18n();
  return (
    <Table
      size="small"
      rowKey="key"
      scroll={{ x: 480 }}
      dataSource={diffs}
      data-testid="reconciliation-differences"
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      columns={[
        {
          title: t('reports.check.child'),
          dataIndex: 'name',
          fixed: 'left',
          width: 150,
          render: (name: string, d) => (
            <>
              {name}
              <br />
              <Typography.Text type="secondary">{d.idNumberMasked}</Typography.Text>
              <br />
              <Tag color={DIFFERENCE_COLOR[d.kind]} style={{ whiteSpace: 'normal' }}>
                {t(differenceLabel(d.kind))}
              </Tag>
            </>
          ),
        },
        { title: t('reports.unit'), dataIndex: 'unitName', width: 160 },
        {
          title: t('reports.check.explanation'),
          key: 'explanation',
          fixed: 'right',
          width: 170,
          render: (_: unknown, d) =>
            d.explanation ? (
              <>
                {d.explanation.note}
                <br />
                <Typography.Text type="secondary">
                  {t('reports.check.explainedBy', { by: d.explanation.by, date: formatDateTime(d.explanation.at) })}
                </Typography.Text>
              </>
            ) : (
              <Button size="small" data-testid="explain-button" onClick={() => onExplain(d)}>
                {t('reports.check.explain')}
              </Button>
            ),
        },
      ]}
    />
  );
}
