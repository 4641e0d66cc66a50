import { useMemo } from 'react';
import { Button, Card, Skeleton, Space } from 'antd';
import { Result } from '../../shell/LazyResult';
import { PlayCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { studentsApi } from '../../api/students';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { buildFileTimeline } from './fileTimeline';
import { FileTimelineView } from './FileTimelineView';
import { StudentHeader } from './StudentHeader';
import { useFileNames } from './useFileNames';
import './student-file.css';

const missingFile = (e: unknown) => e instanceof ApiError && e.status === 404;

/** 一生一案: the student and everything done for them, in time order, printable as an archive copy. */
export default function StudentFilePage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const { me } = useAuth();
  const showError = useShowError();
  const navigate = useNavigate();
  const loaded = useLoad(
    () => studentsApi.file(id),
    [id],
    (e) => !missingFile(e) && showError(e),
  );
  const failure = loaded.error === undefined ? null : missingFile(loaded.error) ? 'missing' : 'failed';
  const file = failure ? null : (loaded.data ?? null);
  const names = useFileNames(file?.instances ?? []);
  const events = useMemo(() => (file ? buildFileTimeline(file, names) : []), [file, names]);

  if (failure) {
    return (
      <Result
        status={failure === 'missing' ? '404' : 'warning'}
        title={failure === 'missing' ? '404' : undefined}
        subTitle={t(failure === 'missing' ? 'students.file.notFound' : 'students.file.unavailable')}
        extra={<Button onClick={() => navigate('/students')}>{t('students.file.back')}</Button>}
      />
    );
  }
  if (!file) return <Skeleton active />;

  return (
    <div className="kcbx-file" data-testid="student-file">
      <div className="kcbx-no-print" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 12 }}>
        <PageTitle>{t('students.file.title', { name: file.student.name })}</PageTitle>
        <Space>
          <Button icon={<PlayCircleOutlined />} onClick={() => navigate('/start')}>
            {t('students.file.startCase')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="file-print">
            {t('students.file.print')}
          </Button>
        </Space>
      </div>
      <div className="kcbx-print-only">
        <h1>{t('students.file.sheetTitle')}</h1>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <StudentHeader student={file.student} onError={showError} />
      </Card>
      <Card size="small" title={t('students.file.timeline')}>
        <FileTimelineView events={events} onError={showError} />
      </Card>
      <div className="kcbx-print-only" style={{ marginTop: 12, fontSize: '9pt' }}>
        {t('students.file.printedAt', { at: formatDateTime(new Date()), name: me?.displayName ?? '' })}
      </div>
    </div>
  );
}
