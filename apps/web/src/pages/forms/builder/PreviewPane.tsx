import { useMemo, useState } from 'react';
import { Alert, Button, Col, Input, Row, Space, Typography } from 'antd';
import { FormRenderer } from '@kcbx/form-renderer';
import { validateFormData, type FormDefinition } from '@kcbx/forms';
import { useI18n } from '../../../i18n/i18n';
import { apiRegionSource as regionSource } from '../../../components/forms/formServices';

/**
 * The form as a clerk will see it, re-rendered on every edit, with live validation. Test data can be pasted
 * as JSON and checked with the same validator the API uses on submit.
 */
export function PreviewPane({ definition, valid }: { definition: FormDefinition; valid: boolean }) {
  const { t, lang } = useI18n();
  const [testText, setTestText] = useState('{}');
  const [testData, setTestData] = useState<Record<string, unknown>>({});
  const [parseError, setParseError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<Record<string, unknown> | null>(null);
  const [round, setRound] = useState(0);
  const testErrors = useMemo(() => {
    if (!valid) return [];
    try {
      return validateFormData(definition, testData).errors;
    } catch {
      return [];
    }
  }, [definition, testData, valid]);
  const locale = lang === 'en' ? 'en' : 'zh';

  if (!valid) return <Alert type="warning" showIcon message={t('forms.preview.fixFirst')} data-testid="preview-blocked" />;

  const load = () => {
    try {
      const parsed = JSON.parse(testText) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(t('forms.preview.notObject'));
      setTestData(parsed as Record<string, unknown>);
      setParseError(null);
      setSubmitted(null);
      setRound((r) => r + 1);
    } catch (e) {
      setParseError((e as Error).message);
    }
  };

  return (
    <Row gutter={16}>
      <Col span={15}>
        <div data-testid="form-preview" style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 16, background: '#fff' }}>
          <FormRenderer
            // a new definition or new test data starts a fresh form
            key={`${round}`}
            definition={definition}
            data={testData}
            locale={lang}
            validateOn="change"
            regionSource={regionSource}
            submitLabel={t('forms.preview.check')}
            onSubmit={(data) => setSubmitted(data)}
          />
          {submitted && (
            <Alert type="success" showIcon style={{ marginTop: 12 }} data-testid="preview-passed" message={t('forms.preview.passed')} />
          )}
        </div>
      </Col>
      <Col span={9}>
        <Typography.Text strong>{t('forms.preview.testData')}</Typography.Text>
        <Input.TextArea
          data-testid="preview-test-data"
          value={testText}
          onChange={(e) => setTestText(e.target.value)}
          autoSize={{ minRows: 6, maxRows: 16 }}
          style={{ fontFamily: 'monospace', marginTop: 4 }}
        />
        <Space style={{ marginTop: 8 }}>
          <Button data-testid="preview-load" onClick={load}>
            {t('forms.preview.load')}
          </Button>
        </Space>
        {parseError && <Alert type="error" showIcon style={{ marginTop: 8 }} message={parseError} />}
        <div style={{ marginTop: 8 }} data-testid="preview-test-result">
          {testErrors.length === 0 ? (
            <Typography.Text type="success">{t('forms.preview.testValid')}</Typography.Text>
          ) : (
            <>
              <Typography.Text type="danger">{t('forms.preview.testInvalid', { count: testErrors.length })}</Typography.Text>
              <ul style={{ paddingLeft: 18, margin: '4px 0' }}>
                {testErrors.map((e, i) => (
                  <li key={i}>
                    <Typography.Text type="danger">{`${e.label[locale] || e.path}：${e.message[locale]}`}</Typography.Text>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        {submitted && (
          <pre style={{ background: '#fafafa', padding: 8, fontSize: 12, marginTop: 8 }} data-testid="preview-submitted">
            {JSON.stringify(submitted, null, 2)}
          </pre>
        )}
      </Col>
    </Row>
  );
}
