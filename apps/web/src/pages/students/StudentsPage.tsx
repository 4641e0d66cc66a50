import { STUDENT_STATUSES, type Page, type Student } from '@kcbx/api-contract';
import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { studentsApi } from '../../api/students';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { ReportMissingDialog } from './ReportMissingDialog';
import { gradeText, sexText, statusText } from './studentText';

const PAGE_SIZE = 20;

/** The students in the user's scope, searchable; ID numbers masked (the full number only in the file). */
const NO_STUDENTS: Page<Student> = { items: [], total: 0 };

export default function StudentsPage() {
  const { t, formatDate } = useI18n();
  const showError = useShowError();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { can } = useAuth();
  // Teachers report a missing child from the list (#16); the API checks the role at the child's school again.
  const mayReport = can('ledger.report') || can('ledger.manage');
  const [reporting, setReporting] = useState<Student | null>(null);
  const [reloads, setReloads] = useState(0);

  const { data = NO_STUDENTS, loading } = useLoad(
    () => studentsApi.list(q, page, PAGE_SIZE, status),
    [q, page, status, reloads],
    showError,
  );

  return (
    <>
      <PageTitle>{t('students.title')}</PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('students.search')}
          style={{ width: 320 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('students.status')}
          aria-label={t('students.status')}
          style={{ width: 160 }}
          value={status}
          onChange={(v: string | undefined) => {
            setStatus(v);
            setPage(1);
          }}
          options={STUDENT_STATUSES.map((s) => ({ value: s, label: statusText(t, s) }))}
        />
      </Space>
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
          pageSize: PAGE_SIZE,
          total: data.total,
          onChange: setPage,
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
          ...(mayReport
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
                        setReporting(s);
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
      <ReportMissingDialog
        student={reporting}
        onClose={(done) => {
          setReporting(null);
          if (done) setReloads((n) => n + 1);
        }}
      />
    </>
  );
}
