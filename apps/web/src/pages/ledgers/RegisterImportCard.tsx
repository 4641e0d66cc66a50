import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Progress, Select, Space, Steps, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';
import { fieldLabel, sourceHint, sourceLabel } from './labels';
import {
  ColumnMapping,
  ImportProgress,
  ledgersApi,
  REGISTER_FIELDS,
  RegisterField,
  RegisterImport,
  RegisterPreview,
  RegisterSource,
  RowProblem,
} from './ledgersApi';

const REQUIRED: RegisterField[] = ['name', 'idNumber'];
const POLL_MS = 400;

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

/**
 * One register's import, in three steps: choose the file; check how its columns map to our fields and see
 * every row problem (nothing is saved yet); import, with progress polled from the server while it saves.
 */
export function RegisterImportCard({ source, onImported }: { source: RegisterSource; onImported: () => void }) {
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [preview, setPreview] = useState<RegisterPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<RegisterImport | null>(null);
  const polling = useRef<ReturnType<typeof setInterval>>();
  useEffect(() => () => clearInterval(polling.current), []);

  const reset = () => {
    setFile(null);
    setMapping({});
    setPreview(null);
    setProgress(null);
    setResult(null);
  };

  const check = (f: File, m: ColumnMapping) => {
    setBusy(true);
    ledgersApi
      .preview(source, f, m)
      .then((p) => {
        setPreview(p);
        setMapping(p.mapping);
      })
      .catch(showError)
      .finally(() => setBusy(false));
  };

  const choose = (f: File) => {
    reset();
    setFile(f);
    check(f, {});
    return false; // we upload ourselves
  };

  const runImport = () => {
    if (!file) return;
    const key = `${source}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setBusy(true);
    setProgress({ phase: 'unknown', done: 0, total: 0 });
    polling.current = setInterval(() => {
      ledgersApi
        .progress(key)
        .then((p) => p.phase !== 'unknown' && setProgress(p))
        .catch(() => undefined);
    }, POLL_MS);
    ledgersApi
      .importRegister(source, file, mapping, key, () => undefined)
      .then((r) => {
        setResult(r);
        setProgress({ phase: 'done', done: 1, total: 1 });
        onImported();
      })
      .catch((e) => {
        setProgress(null);
        showError(e);
      })
      .finally(() => {
        clearInterval(polling.current);
        setBusy(false);
      });
  };

  const mappedOk = REQUIRED.every((f) => mapping[f]);
  const step = result ? 2 : preview ? 1 : 0;
  const percent = progress
    ? progress.phase === 'done'
      ? 100
      : progress.total
        ? Math.round((progress.done / progress.total) * 100)
        : 0
    : 0;

  return (
    <Card
      size="small"
      title={t(sourceLabel(source))}
      extra={<Typography.Text type="secondary">{t(sourceHint(source))}</Typography.Text>}
      data-testid={`register-${source}`}
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 12 }}
        items={[
          { title: t('ledgers.registers.step.upload') },
          { title: t('ledgers.registers.step.mapping') },
          { title: t('ledgers.registers.step.import') },
        ]}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={choose} disabled={busy}>
          <Button icon={<UploadOutlined />} disabled={busy} data-testid={`register-${source}-choose`}>
            {t('ledgers.registers.choose')}
          </Button>
        </Upload>
        {file && <Typography.Text>{t('ledgers.registers.file', { name: file.name })}</Typography.Text>}
        {file && !busy && (
          <Button type="link" onClick={reset}>
            {t('ledgers.registers.reset')}
          </Button>
        )}
      </Space>

      {preview && !result && (
        <>
          <Typography.Paragraph type="secondary">{t('ledgers.registers.mappingHint')}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="field"
            pagination={false}
            data-testid={`register-${source}-mapping`}
            dataSource={REGISTER_FIELDS.map((field) => ({ field }))}
            columns={[
              {
                title: t('ledgers.registers.ourField'),
                dataIndex: 'field',
                width: 160,
                render: (f: RegisterField) => (
                  <>
                    {t(fieldLabel(f))}
                    {REQUIRED.includes(f) && <Typography.Text type="danger"> *</Typography.Text>}
                  </>
                ),
              },
              {
                title: t('ledgers.registers.theirColumn'),
                dataIndex: 'field',
                render: (f: RegisterField) => (
                  <Select
                    style={{ width: 240 }}
                    size="small"
                    allowClear
                    placeholder={t('ledgers.registers.notMapped')}
                    value={mapping[f]}
                    options={preview.headers.map((h) => ({ value: h, label: h }))}
                    onChange={(v?: string) => setMapping((m) => ({ ...m, [f]: v || undefined }))}
                    data-testid={`register-${source}-map-${f}`}
                  />
                ),
              },
            ]}
          />
          <Space style={{ margin: '12px 0' }}>
            <Button onClick={() => file && check(file, mapping)} disabled={busy || !mappedOk}>
              {t('ledgers.registers.previewButton')}
            </Button>
            <Button type="primary" onClick={runImport} loading={busy} disabled={!mappedOk} data-testid={`register-${source}-import`}>
              {t('ledgers.registers.importButton')}
            </Button>
          </Space>
          {!mappedOk && <Alert type="warning" showIcon message={t('ledgers.registers.needsMapping')} style={{ marginBottom: 12 }} />}
          <Alert
            type={preview.rejectedCount ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 8 }}
            data-testid={`register-${source}-summary`}
            message={t('ledgers.registers.previewSummary', {
              rows: preview.rows,
              accepted: preview.accepted,
              rejected: preview.rejectedCount,
            })}
          />
          <RowProblems problems={preview.rejected} total={preview.rejectedCount} testId={`register-${source}-problems`} />
        </>
      )}

      {progress && (
        <div data-testid={`register-${source}-progress`} style={{ margin: '8px 0' }}>
          <Progress percent={percent} status={progress.phase === 'done' ? 'success' : 'active'} />
          <Typography.Text type="secondary">{t(`ledgers.registers.phase.${progress.phase}`)}</Typography.Text>
        </div>
      )}

      {result && (
        <>
          <Alert
            type={result.duplicateOf ? 'info' : result.rejectedCount ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 8 }}
            data-testid={`register-${source}-result`}
            message={
              result.duplicateOf
                ? t('ledgers.registers.duplicate', { date: formatDateTime(result.importedAt) })
                : t('ledgers.registers.imported', { accepted: result.accepted, rejected: result.rejectedCount })
            }
          />
          {!result.duplicateOf && (
            <RowProblems problems={result.rejected ?? []} total={result.rejectedCount} testId={`register-${source}-rejected`} />
          )}
        </>
      )}
    </Card>
  );
}
