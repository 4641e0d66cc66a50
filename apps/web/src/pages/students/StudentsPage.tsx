import { STUDENT_STATUSES, type Page, type Student } from '@kcbx/api-contract';
import { useState } from 'react';
import { Input, Select, Space } from 'antd';
import { studentsApi } from '../../api/students';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { ReportMissingDialog } from './ReportMissingDialog';
import { StudentsTable } from './StudentsTable';
import { statusText } from './studentText';

const PAGE_SIZE = 20;
const NO_STUDENTS: Page<Student> = { items: [], total: 0 };

/** The students in the user's scope, searchable and filtered by status; a teacher reports a missing child from here. */
export default function StudentsPage() {
  const { t } = useI18n();
  const showError = useShowError();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { can } = useAuth();
  // Teachers report a missing child from the list (#16); the API checks the role at the child's school again.
  const mayReport = can('ledger.report') || can('ledger.manage');
  const [reporting, setReporting] = useState<Student | null>(null);

  const { data = NO_STUDENTS, loading, reload } = useLoad(() => studentsApi.list(q, page, PAGE_SIZE, status), [q, page, status], showError);

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
      <StudentsTable
        data={data}
        loading={loading}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        onReport={mayReport ? setReporting : undefined}
      />
      <ReportMissingDialog
        student={reporting}
        onClose={(done) => {
          setReporting(null);
          if (done) reload();
        }}
      />
    </>
  );
}
