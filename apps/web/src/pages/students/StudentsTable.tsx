import type { Page, Student } from '@kcbx/api-contract';
import { Button, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { gradeText, sexText, statusText } from './studentText';

export interface StudentsTableProps {
  data: Page<Student>;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage(page: number): void;
  /** 报告失学: a button a row when the user may report (teachers, #16) */
  onReport?(student: Student): void;
}

/** One row a student, ID numbers masked (the full number only in the file); a row opens the student's file. */
export function StudentsTable({ data, loading, page, pageSize, onPage, onReport }: StudentsTableProps) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data.items}
      data-testid="students-table"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('students.empty') }}
      onRow={(s) => ({ onClick: () => navigate(`/students/${s.id}`), style: { cursor: 'pointer' } })}
      pagination={{
        current: page,
        pageSize,
        total: data.total,
        onChange: onPage,
        showSizeChanger: false,
        showTotal: (total) => t('common.total', { total }),
      }}
      columns={[
        {
          title: t('students.name'),
          dataIndex: 'name',
          render: (v: string, s) => (
            <>
              <Link to={`/students/${s.id}`}>{v}</Link>
              {s.isDemo && <Tag style={{ marginInlineStart: 6 }}>{t('students.demo')}</Tag>}
            </>
          ),
        },
        { title: t('students.sex'), dataIndex: 'sex', render: (v: string) => sexText(t, v) },
        {
          title: t('students.idNumber'),
          dataIndex: 'idNumberMasked',
          render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
        },
        { title: t('students.birthDate'), dataIndex: 'birthDate', render: (v: string) => (v ? formatDate(v) : '') },
        { title: t('students.school'), dataIndex: 'school' },
        { title: t('students.grade'), key: 'grade', render: (_: unknown, s) => gradeText(s) },
        {
          title: t('students.status'),
          dataIndex: 'status',
          render: (v: string) => <Tag color={v === 'enrolled' || v === 'returned' ? 'green' : 'orange'}>{statusText(t, v)}</Tag>,
        },
        ...(onReport
          ? [
              {
                title: t('students.actions'),
                key: 'actions',
                fixed: 'right' as const,
                render: (_: unknown, s: Student) => (
                  <Button
                    size="small"
                    danger
                    data-testid={`report-missing-${s.id}`}
                    onClick={(e) => {
                      e.stopPropagation(); // the row itself opens the file
                      onReport(s);
                    }}
                  >
                    {t('students.report.open')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
