import { useEffect, useState } from 'react';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { parseFormDefinition, type FormDefinition } from '@kcbx/forms';
import { useI18n } from '../../../i18n/i18n';

/**
 * The definition as JSON, both ways: it follows the canvas, and an edited text replaces the canvas when
 * applied. Syntax errors are refused with their line; a definition with other problems is applied and its
 * problems show at the fields, as when building with the mouse.
 */
export function JsonPane({ definition, onApply }: { definition: FormDefinition; onApply(def: FormDefinition): void }) {
  const { t, lang } = useI18n();
  const pretty = JSON.stringify(definition, null, 2);
  const [text, setText] = useState(pretty);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(pretty);
    setError(null);
  }, [pretty]);
  const locale = lang === 'en' ? 'en' : 'zh';

  const apply = () => {
    const parsed = parseFormDefinition(text, `${definition.key}.form.json`);
    let value: unknown;
    if (parsed.ok) value = parsed.definition;
    else {
      const syntax = parsed.errors.find((e) => e.keyword === 'syntax');
      if (syntax) return setError(t('forms.json.lineError', { line: syntax.line, message: syntax.message[locale] }));
      value = JSON.parse(text);
    }
    const d = value as Partial<FormDefinition>;
    if (!d || typeof d !== 'object' || !d.schema || typeof d.schema !== 'object' || !d.uiSchema || typeof d.uiSchema !== 'object')
      return setError(t('forms.json.notDefinition'));
    if (d.key !== definition.key) return setError(t('forms.json.keyChanged', { key: definition.key }));
    setError(null);
    onApply(d as FormDefinition);
  };

  return (
    <div data-testid="json-pane">
      <Typography.Paragraph type="secondary">{t('forms.json.hint')}</Typography.Paragraph>
      <Input.TextArea
        data-testid="json-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 18, maxRows: 32 }}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        spellCheck={false}
      />
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} message={error} data-testid="json-error" />}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" data-testid="json-apply" disabled={text === pretty} onClick={apply}>
          {t('forms.json.apply')}
        </Button>
        <Button disabled={text === pretty} onClick={() => setText(pretty)}>
          {t('forms.json.revert')}
        </Button>
      </Space>
    </div>
  );
}
