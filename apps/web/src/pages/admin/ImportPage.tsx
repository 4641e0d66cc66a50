import type { ImportReport } from '@kcbx/api-contract';
import { useState } from 'react';
import { Button, Card, Progress, Radio, Space, Steps, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../api/endpoints';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useShowError } from '../../util/useShowError';
import { ImportReportView } from './ImportReportView';

type What = 'org-units' | 'users';

/** Upload → dry-run preview with per-row problems → commit. The same file is sent twice; the API keeps no state between. */
export default function ImportPage() {
  const { t } = useI18n();
  const showError = useShowError();
  const [what, setWhat] = useState<What>('users');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const reset = () => {
    setFile(null);
    setReport(null);
    setProgress(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setProgress(0);
    try {
      setReport(await api.importFile(what, file, dryRun, setProgress));
    } catch (e) {
      showError(e);
    } finally {
      setProgress(null);
    }
  };

  const step = !report ? 0 : report.dryRun ? 1 : 2;
  const busy = progress !== null;

  return (
    <>
      <PageTitle>{t('imports.title')}</PageTitle>
      <Card size="small">
        <Steps
          size="small"
          current={step}
          style={{ maxWidth: 600, marginBottom: 16 }}
          items={[{ title: t('imports.step.pick') }, { title: t('imports.step.preview') }, { title: t('imports.step.done') }]}
        />
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <span>{t('imports.what')}:</span>
            <Radio.Group
              value={what}
              disabled={busy}
              onChange={(e) => {
                setWhat(e.target.value as What);
                reset();
              }}
              optionType="button"
              options={[
                { value: 'org-units', label: t('imports.orgUnits') },
                { value: 'users', label: t('imports.users') },
              ]}
              data-testid="import-what"
            />
          </Space>
          <Typography.Text type="secondary">
            {t('imports.columns', { columns: what === 'users' ? t('imports.userColumns') : t('imports.orgUnitColumns') })}
          </Typography.Text>
          <Upload
            accept=".csv,.xlsx"
            maxCount={1}
            disabled={busy}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              setFile(f);
              setReport(null);
              return false; // sent by the preview/commit buttons, not on pick
            }}
            onRemove={reset}
          >
            <Button icon={<UploadOutlined />} data-testid="import-pick">
              {t('imports.pick')}
            </Button>
          </Upload>
          <Space>
            <Button type="primary" disabled={!file || busy || step === 2} onClick={() => void run(true)} data-testid="import-preview">
              {t('imports.preview')}
            </Button>
            <Button disabled={!report?.dryRun || report.accepted === 0 || busy} onClick={() => void run(false)} data-testid="import-commit">
              {t('imports.commit')}
            </Button>
            {step === 2 && <Button onClick={reset}>{t('imports.again')}</Button>}
          </Space>
          {busy && (
            <div style={{ maxWidth: 400 }}>
              <Typography.Text>{t('imports.uploading')}</Typography.Text>
              <Progress percent={progress ?? 0} size="small" />
            </div>
          )}
          {report && <ImportReportView report={report} />}
        </Space>
      </Card>
    </>
  );
}
