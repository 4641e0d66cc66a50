import { REGISTER_FIELDS, type RegisterField, type RowProblem } from '@kcbx/api-contract';
import { Table, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { fieldLabel } from './labels';

/** The row problems a clerk must see before (and after) importing: row, field and what is wrong. */
export function RowProblems({ problems, total, testId }: { problems: RowProblem[]; total: number; testId: string }) {
  const { t } = useI18n();
  return (
    <>
      <Table
        size="small"
        rowKey={(r) => `${r.row}:${r.field}`}
        data-testid={testId}
        dataSource={problems}
        pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: t('ledgers.registers.noProblems') }}
        columns={[
          { title: t('ledgers.registers.row'), dataIndex: 'row', width: 80 },
          {
            title: t('ledgers.registers.problemField'),
            dataIndex: 'field',
            width: 120,
            render: (f: string) => ((REGISTER_FIELDS as readonly string[]).includes(f) ? t(fieldLabel(f as RegisterField)) : f),
          },
          { title: t('ledgers.registers.message'), dataIndex: 'message' },
        ]}
      />
      {total > problems.length && (
        <Typography.Text type="secondary">{t('ledgers.registers.problemsMore', { shown: problems.length, total })}</Typography.Text>
      )}
    </>
  );
}
