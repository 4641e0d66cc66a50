import type { VisitAssignment } from '@kcbx/api-contract';
import { useState } from 'react';
import { Alert, App, Button, Space, Typography, Upload } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { AssignmentModal } from './AssignmentModal';
import { AssignmentsTable } from './AssignmentsTable';
import { ImportProblems } from './ImportProblems';
import { useAssignmentEditor } from './useAssignmentEditor';
import { visitsApi, type AssignmentProblem } from './visitsApi';

/**
 * 包抓分工表: who of the county bureau visits which township and its schools. Everyone who reads reports sees it;
 * the office that manages the ledgers adds, edits, removes, or replaces it with the 附件-style list (a refused
 * list shows every bad cell by row and column). A table that scrolls sideways on a phone.
 */
export default function VisitAssignmentsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { can } = useAuth();
  const manage = can('ledger.manage');
  const { data, reload } = useLoad(() => visitsApi.list(), [], showError);
  const editor = useAssignmentEditor(reload);
  const [problems, setProblems] = useState<AssignmentProblem[]>([]);

  const importFile = async (file: File) => {
    setProblems([]);
    try {
      const r = await visitsApi.import(file);
      void message.success(t('visits.imported', { n: r.rows, before: r.replaced }));
      reload();
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.details)) setProblems(e.details as AssignmentProblem[]);
      showError(e);
    }
  };

  const remove = (r: VisitAssignment) =>
    visitsApi
      .remove(r.id)
      .then(() => {
        void message.success(t('visits.removed'));
        reload();
      })
      .catch(showError);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="visit-assignments-page">
      <PageTitle>{t('visits.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('visits.intro')}{' '}
        <Link to="/dashboard" style={{ textDecoration: 'underline' }}>
          {t('visits.compliance')}
        </Link>
      </Typography.Paragraph>
      {manage ? (
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open('new')} data-testid="visit-add">
            {t('visits.add')}
          </Button>
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="visit-import">
              {t('visits.import')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('visits.importHint')}</Typography.Text>
        </Space>
      ) : (
        <Alert type="info" showIcon message={t('visits.readOnly')} />
      )}
      {problems.length > 0 && <ImportProblems problems={problems} onClose={() => setProblems([])} />}
      <AssignmentsTable data={data} manage={manage} onEdit={editor.open} onRemove={remove} />
      <AssignmentModal editor={editor} />
    </Space>
  );
}
