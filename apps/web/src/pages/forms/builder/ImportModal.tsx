import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { importFormJs, importJsonForms, importRjsf, type FormDefinition, type ImportResult } from '@kcbx/forms';
import { FORM_KEY } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';

type Source = 'auto' | 'rjsf' | 'form-js' | 'jsonforms';

/** Which importer a file needs: form-js lists components, JSON Forms has `uischema`, anything else is rjsf / JSON Schema. */
function detect(value: any): Exclude<Source, 'auto'> {
  if (Array.isArray(value?.components)) return 'form-js';
  if (value?.uischema) return 'jsonforms';
  return 'rjsf';
}

function runImport(source: Source, value: any, key: string, title: { zh: string; en: string }): ImportResult {
  const kind = source === 'auto' ? detect(value) : source;
  const target = { key, title };
  if (kind === 'form-js') return importFormJs(value, target);
  if (kind === 'jsonforms') return importJsonForms(value.schema ? value : { schema: value }, target);
  // an rjsf playground sample {schema, uiSchema, formData} or a bare JSON Schema
  return importRjsf(value?.schema && typeof value.schema === 'object' ? value : { schema: value }, target);
}

/**
 * 导入: a form from rjsf, form-js (Camunda) or JSON Forms becomes a definition; what had no equivalent is
 * listed (path and reason) before the designer takes the result into the builder.
 */
export function ImportModal({ open, fixedKey, title, onClose, onImported }: { open: boolean; fixedKey?: string; title?: { zh: string; en: string }; onClose(): void; onImported(def: FormDefinition): void }) {
  const { t } = useI18n();
  const [source, setSource] = useState<Source>('auto');
  const [text, setText] = useState('');
  const [key, setKey] = useState(fixedKey ?? '');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const formKey = fixedKey ?? key.trim();

  const convert = () => {
    setResult(null);
    if (!FORM_KEY.test(formKey)) return setError(t('forms.new.keyInvalid'));
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return setError(t('forms.import.notJson', { message: (e as Error).message }));
    }
    try {
      setResult(runImport(source, value, formKey, title ?? { zh: formKey, en: formKey }));
      setError(null);
    } catch (e) {
      setError(t('forms.import.failed', { message: (e as Error).message }));
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={760}
      title={t('forms.import.title')}
      data-testid="import-modal"
      footer={[
        <Button key="cancel" onClick={onClose}>{t('forms.cancel')}</Button>,
        <Button key="convert" onClick={convert} data-testid="import-convert">{t('forms.import.convert')}</Button>,
        <Button key="use" type="primary" disabled={!result} data-testid="import-use" onClick={() => result && onImported(result.definition)}>{t('forms.import.use')}</Button>,
      ]}
    >
      <Form layout="vertical" size="small">
        {!fixedKey && (
          <Form.Item label={t('forms.new.key')} help={t('forms.import.keyHelp')}>
            <Input data-testid="import-key" value={key} onChange={(e) => setKey(e.target.value)} />
          </Form.Item>
        )}
        <Form.Item label={t('forms.import.source')}>
          <Radio.Group value={source} onChange={(e) => setSource(e.target.value)} options={[
            { value: 'auto', label: t('forms.import.auto') },
            { value: 'rjsf', label: 'rjsf / JSON Schema' },
            { value: 'form-js', label: 'form-js (Camunda)' },
            { value: 'jsonforms', label: 'JSON Forms' },
          ]} />
        </Form.Item>
        <Form.Item label={t('forms.import.text')}>
          <Upload accept=".json" showUploadList={false} beforeUpload={(file) => { void file.text().then(setText); return false; }}>
            <Button size="small" icon={<UploadOutlined />}>{t('forms.import.file')}</Button>
          </Upload>
          <Input.TextArea data-testid="import-text" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 6, maxRows: 14 }} style={{ fontFamily: 'monospace', fontSize: 12, marginTop: 6 }} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
      {result && (
        <div data-testid="import-result">
          <Typography.Paragraph>
            {t('forms.import.summary', { fields: Object.keys(result.definition.schema.properties ?? {}).length, unmapped: result.unmapped.length })}
          </Typography.Paragraph>
          {result.unmapped.length > 0 && (
            <Table
              size="small"
              rowKey={(r) => `${r.path}:${r.reason}`}
              pagination={false}
              scroll={{ y: 200 }}
              dataSource={result.unmapped}
              columns={[
                { title: t('forms.import.path'), dataIndex: 'path', width: 220 },
                { title: t('forms.import.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
