import { Form, Input, InputNumber, Space } from 'antd';
import { DEFAULT_MAX_ITEMS } from '@kcbx/forms';
import type { FieldPatch } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/zh-CN';

const num = (v: number | null) => (v === null ? null : v);
const MB = 1024 * 1024;

interface LimitsProps {
  schema: Record<string, any>;
  type: string | undefined;
  /** A string without choices or a format: length and pattern apply. */
  plainString: boolean;
  patch(p: FieldPatch): void;
}

/** The limits that fit the field's type: lengths and pattern, date range, upload size, number range, row counts. */
export function FieldLimits({ schema, type, plainString, patch }: LimitsProps) {
  const { t } = useI18n();
  const count = (key: MessageKey, keyword: string, options: { min?: number; integer?: boolean; placeholder?: string } = {}) => (
    <Form.Item label={t(key)}>
      <InputNumber
        data-testid={`prop-${keyword}`}
        min={options.min}
        precision={options.integer ? 0 : undefined}
        placeholder={options.placeholder}
        value={schema[keyword]}
        onChange={(v) => patch({ schema: { [keyword]: num(v) } })}
      />
    </Form.Item>
  );
  const date = (key: MessageKey, keyword: string, placeholder: string) => (
    <Form.Item label={t(key)}>
      <Input
        data-testid={`prop-${keyword}`}
        placeholder={placeholder}
        value={schema[keyword] ?? ''}
        onChange={(e) => patch({ schema: { [keyword]: e.target.value } })}
      />
    </Form.Item>
  );
  return (
    <>
      {plainString && (
        <>
          <Space>
            {count('forms.props.minLength', 'minLength', { min: 0, integer: true })}
            {count('forms.props.maxLength', 'maxLength', { min: 0, integer: true })}
          </Space>
          <Form.Item label={t('forms.props.pattern')} help={t('forms.props.patternHelp')}>
            <Input
              data-testid="prop-pattern"
              value={schema.pattern ?? ''}
              onChange={(e) => patch({ schema: { pattern: e.target.value } })}
            />
          </Form.Item>
        </>
      )}
      {type === 'string' && schema.format === 'date' && (
        <Space>
          {date('forms.props.earliest', 'formatMinimum', '2026-09-01')}
          {date('forms.props.latest', 'formatMaximum', '2027-07-15')}
        </Space>
      )}
      {schema.fileUpload && typeof schema.fileUpload === 'object' && (
        <Form.Item label={t('forms.props.maxMegabytes')}>
          <InputNumber
            min={1}
            max={20}
            precision={0}
            value={schema.fileUpload.maxBytes ? Math.round(schema.fileUpload.maxBytes / MB) : undefined}
            onChange={(v) => patch({ schema: { fileUpload: { ...schema.fileUpload, maxBytes: v ? v * MB : undefined } } })}
          />
        </Form.Item>
      )}
      {(type === 'number' || type === 'integer') && (
        <Space>
          {count('forms.props.minimum', 'minimum', { integer: type === 'integer' })}
          {count('forms.props.maximum', 'maximum', { integer: type === 'integer' })}
        </Space>
      )}
      {type === 'array' && (
        <Space>
          {count('forms.props.minItems', 'minItems', { min: 0, integer: true })}
          {/* Left empty, the form library's bound applies (every list is bounded); the placeholder shows it. */}
          {count('forms.props.maxItems', 'maxItems', { min: 0, integer: true, placeholder: String(DEFAULT_MAX_ITEMS) })}
        </Space>
      )}
    </>
  );
}
