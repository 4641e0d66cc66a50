import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio } from 'antd';
import type { FormDefinition, ImportResult } from '@kcbx/forms';
import { FORM_KEY } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import { ImportResultView } from './ImportResultView';
import { JsonTextInput } from './JsonTextInput';
import { runImport, type Source } from './importSources';

/**
 * 导入: a form from rjsf, form-js (Camunda) or JSON Forms becomes a definition; what had no equivalent is
 * listed (path and reason) before the designer takes the result into the builder.
 */
export function ImportModal({
  open,
  fixedKey,
  title,
  onClose,
  onImported,
}: {
  open: boolean;
  fixedKey?: string;
  title?: { zh: string; en: string };
  onClose(): void;
  onImported(def: FormDefinition): void;
}) {
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
        <Button key="cancel" onClick={onClose}>
          {t('forms.cancel')}
        </Button>,
        <Button key="convert" onClick={convert} data-testid="import-convert">
          {t('forms.import.convert')}
        </Button>,
        <Button
          key="use"
          type="primary"
          disabled={!result}
          data-testid="import-use"
          onClick={() => result && onImported(result.definition)}
        >
          {t('forms.import.use')}
        </Button>,
      ]}
    >
      <Form layout="vertical" size="small">
        {!fixedKey && (
          <Form.Item label={t('forms.new.key')} help={t('forms.import.keyHelp')}>
            <Input data-testid="import-key" value={key} onChange={(e) => setKey(e.target.value)} />
          </Form.Item>
        )}
        <Form.Item label={t('forms.import.source')}>
          <Radio.Group
            value={source}
            onChange={(e) => setSource(e.target.value)}
            options={[
              { value: 'auto', label: t('forms.import.auto') },
              { value: 'rjsf', label: 'rjsf / JSON Schema' },
              { value: 'form-js', label: 'form-js (Camunda)' },
              { value: 'jsonforms', label: 'JSON Forms' },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('forms.import.text')}>
          <JsonTextInput value={text} onChange={setText} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
      {result && <ImportResultView result={result} />}
    </Modal>
  );
}
