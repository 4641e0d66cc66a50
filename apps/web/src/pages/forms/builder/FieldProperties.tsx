import { useEffect, useState } from 'react';
import { Alert, Button, Divider, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ControlElement, FormDefinition, LocalizedText } from '@kcbx/forms';
import { elementAt, isRequired, optionsOf, renameField, schemaAtScope, scopeNames, tableColumnsOf, updateField, type FieldPatch, type UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import { textOf } from './labels';
import { RuleEditor } from './RuleEditor';
import { TableColumnsEditor } from './TableColumnsEditor';

function pair(text: ControlElement['label'] | undefined, fallback = ''): LocalizedText {
  if (text === undefined || typeof text === 'boolean') return { zh: fallback, en: '' };
  return typeof text === 'string' ? { zh: text, en: text } : text;
}

const num = (v: number | null) => (v === null ? null : v);
const MB = 1024 * 1024;

/** The property panel of one field: key, labels and help in both languages, required, limits, options, default, rule. */
export function FieldProperties({ definition, path, onChange }: { definition: FormDefinition; path: UiPath; onChange(def: FormDefinition): void }) {
  const { t, lang } = useI18n();
  const found = elementAt(definition.uiSchema, path);
  const control = found?.type === 'Control' ? found : undefined;
  const schema = control ? schemaAtScope(definition, control.scope) : undefined;
  const name = control ? (scopeNames(control.scope) ?? [control.scope]).join('.') : '';
  const [draftName, setDraftName] = useState(name);
  const [nameError, setNameError] = useState<string | null>(null);
  useEffect(() => {
    setDraftName(name);
    setNameError(null);
  }, [name]);
  if (!control || !schema) return <Alert type="warning" showIcon message={t('forms.props.noSchema')} />;

  const patch = (p: FieldPatch) => onChange(updateField(definition, path, p));
  const label = pair(control.label, typeof schema.title === 'string' ? schema.title : '');
  const help = control.description ? pair(control.description) : { zh: '', en: '' };
  const setHelp = (next: LocalizedText) => patch({ description: next.zh || next.en ? next : null });
  const options = optionsOf(definition, path);
  const columns = tableColumnsOf(definition, path);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const plainString = type === 'string' && !options && !schema.format;

  const commitName = () => {
    if (draftName === name) return;
    const renamed = renameField(definition, path, draftName.trim());
    if ('error' in renamed) setNameError(t(renamed.error === 'taken' ? 'forms.props.nameTaken' : 'forms.props.nameInvalid'));
    else {
      setNameError(null);
      onChange(renamed);
    }
  };

  return (
    <Form layout="vertical" size="small" data-testid="field-properties">
      <Form.Item label={t('forms.props.name')} help={nameError ?? t('forms.props.nameHelp')} validateStatus={nameError ? 'error' : undefined}>
        <Input data-testid="prop-name" value={draftName} onChange={(e) => setDraftName(e.target.value)} onBlur={commitName} onPressEnter={commitName} />
      </Form.Item>
      <Form.Item label={t('forms.props.labelZh')}>
        <Input data-testid="prop-label-zh" value={label.zh} onChange={(e) => patch({ label: { ...label, zh: e.target.value } })} />
      </Form.Item>
      <Form.Item label={t('forms.props.labelEn')}>
        <Input data-testid="prop-label-en" value={label.en} onChange={(e) => patch({ label: { ...label, en: e.target.value } })} />
      </Form.Item>
      <Form.Item label={t('forms.props.helpZh')}>
        <Input data-testid="prop-help-zh" value={help.zh} onChange={(e) => setHelp({ ...help, zh: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('forms.props.helpEn')}>
        <Input data-testid="prop-help-en" value={help.en} onChange={(e) => setHelp({ ...help, en: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('forms.props.required')}>
        <Switch data-testid="prop-required" checked={isRequired(definition, control.scope)} onChange={(required) => patch({ required })} />
      </Form.Item>

      {plainString && (
        <>
          <Space>
            <Form.Item label={t('forms.props.minLength')}>
              <InputNumber data-testid="prop-minLength" min={0} precision={0} value={schema.minLength} onChange={(v) => patch({ schema: { minLength: num(v) } })} />
            </Form.Item>
            <Form.Item label={t('forms.props.maxLength')}>
              <InputNumber data-testid="prop-maxLength" min={0} precision={0} value={schema.maxLength} onChange={(v) => patch({ schema: { maxLength: num(v) } })} />
            </Form.Item>
          </Space>
          <Form.Item label={t('forms.props.pattern')} help={t('forms.props.patternHelp')}>
            <Input data-testid="prop-pattern" value={schema.pattern ?? ''} onChange={(e) => patch({ schema: { pattern: e.target.value } })} />
          </Form.Item>
        </>
      )}
      {type === 'string' && schema.format === 'date' && (
        <Space>
          <Form.Item label={t('forms.props.earliest')}>
            <Input data-testid="prop-formatMinimum" placeholder="2026-09-01" value={schema.formatMinimum ?? ''} onChange={(e) => patch({ schema: { formatMinimum: e.target.value } })} />
          </Form.Item>
          <Form.Item label={t('forms.props.latest')}>
            <Input data-testid="prop-formatMaximum" placeholder="2027-07-15" value={schema.formatMaximum ?? ''} onChange={(e) => patch({ schema: { formatMaximum: e.target.value } })} />
          </Form.Item>
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
          <Form.Item label={t('forms.props.minimum')}>
            <InputNumber data-testid="prop-minimum" precision={type === 'integer' ? 0 : undefined} value={schema.minimum} onChange={(v) => patch({ schema: { minimum: num(v) } })} />
          </Form.Item>
          <Form.Item label={t('forms.props.maximum')}>
            <InputNumber data-testid="prop-maximum" precision={type === 'integer' ? 0 : undefined} value={schema.maximum} onChange={(v) => patch({ schema: { maximum: num(v) } })} />
          </Form.Item>
        </Space>
      )}
      {type === 'array' && (
        <Space>
          <Form.Item label={t('forms.props.minItems')}>
            <InputNumber min={0} precision={0} value={schema.minItems} onChange={(v) => patch({ schema: { minItems: num(v) } })} />
          </Form.Item>
          <Form.Item label={t('forms.props.maxItems')}>
            <InputNumber min={0} precision={0} value={schema.maxItems} onChange={(v) => patch({ schema: { maxItems: num(v) } })} />
          </Form.Item>
        </Space>
      )}

      {columns && (
        <>
          <Divider plain style={{ margin: '8px 0' }}>{t('forms.table.columns')}</Divider>
          <TableColumnsEditor definition={definition} path={path} columns={columns} onChange={onChange} />
        </>
      )}

      {options && (
        <>
          <Divider plain style={{ margin: '8px 0' }}>{t('forms.props.options')}</Divider>
          {options.map((o, i) => (
            <Space key={i} size={4} style={{ marginBottom: 4 }} data-testid={`option-${i}`}>
              <Input style={{ width: 80 }} placeholder={t('forms.props.optionValue')} value={o.value} onChange={(e) => patch({ options: options.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)) })} />
              <Input style={{ width: 90 }} placeholder={t('forms.props.optionZh')} value={o.label.zh} onChange={(e) => patch({ options: options.map((x, j) => (j === i ? { ...x, label: { ...x.label, zh: e.target.value } } : x)) })} />
              <Input style={{ width: 90 }} placeholder={t('forms.props.optionEn')} value={o.label.en} onChange={(e) => patch({ options: options.map((x, j) => (j === i ? { ...x, label: { ...x.label, en: e.target.value } } : x)) })} />
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('forms.props.optionRemove')} onClick={() => patch({ options: options.filter((_, j) => j !== i) })} />
            </Space>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => patch({ options: [...options, { value: `option${options.length + 1}`, label: { zh: `选项${options.length + 1}`, en: `Option ${options.length + 1}` } }] })}>
            {t('forms.props.optionAdd')}
          </Button>
        </>
      )}

      <Divider plain style={{ margin: '8px 0' }}>{t('forms.props.default')}</Divider>
      <Form.Item>
        {options && type !== 'array' ? (
          <Select allowClear style={{ width: '100%' }} value={schema.default} onChange={(v) => patch({ schema: { default: v ?? null } })} options={options.map((o) => ({ value: o.value, label: textOf(o.label, lang, o.value) }))} />
        ) : type === 'boolean' ? (
          <Select allowClear style={{ width: '100%' }} value={schema.default} onChange={(v) => patch({ schema: { default: v ?? null } })} options={[{ value: true, label: t('forms.props.yes') }, { value: false, label: t('forms.props.no') }]} />
        ) : type === 'number' || type === 'integer' ? (
          <InputNumber style={{ width: '100%' }} value={schema.default} onChange={(v) => patch({ schema: { default: num(v) } })} />
        ) : type === 'string' ? (
          <Input data-testid="prop-default" value={schema.default ?? ''} onChange={(e) => patch({ schema: { default: e.target.value } })} />
        ) : (
          <span>—</span>
        )}
      </Form.Item>

      <Divider plain style={{ margin: '8px 0' }}>{t('forms.props.rule')}</Divider>
      <RuleEditor definition={definition} control={control} onChange={(rule) => patch({ rule })} />
    </Form>
  );
}
