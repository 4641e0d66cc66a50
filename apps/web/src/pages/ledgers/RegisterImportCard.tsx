import type { RegisterSource } from '@kcbx/api-contract';
import { Alert, Button, Card, Progress, Space, Steps, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n';
import { ColumnMappingTable } from './ColumnMappingTable';
import { sourceHint, sourceLabel } from './labels';
import { RowProblems } from './RowProblems';
import { useRegisterImport } from './useRegisterImport';

/**
 * One register's import, in three steps: choose the file; check how its columns map to our fields and see
 * every row problem (nothing is saved yet); import, with progress polled from the server while it saves.
 */
export function RegisterImportCard({ source, onImported }: { source: RegisterSource; onImported: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { file, mapping, setMapping, preview, busy, progress, result, reset, check, choose, runImport, mappedOk, step, percent } =
    useRegisterImport(source, onImported);
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
          <ColumnMappingTable source={source} headers={preview.headers} mapping={mapping} onChange={setMapping} />
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
