import { useEffect, useState } from 'react';
import { Form, Input, Switch } from 'antd';
import type { ControlElement, FormDefinition, LocalizedText } from '@kcbx/forms';
import { isRequired, renameField, scopeNames, type FieldPatch, type UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';

export function pair(text: ControlElement['label'] | undefined, fallback = ''): LocalizedText {
  if (text === undefined || typeof text === 'boolean') return { zh: fallback, en: '' };
  return typeof text === 'string' ? { zh: text, en: text } : text;
}

export interface FieldPartProps {
  definition: FormDefinition;
  path: UiPath;
  control: ControlElement;
  schema: Record<string, any>;
  patch(p: FieldPatch): void;
  onChange(def: FormDefinition): void;
}

/** A field's data name (renamed on blur, refused when taken or invalid), labels and help in both languages, required. */
export function FieldBasics({ definition, path, control, schema, patch, onChange }: FieldPartProps) {
  const { t } = useI18n();
  const name = (scopeNames(control.scope) ?? [control.scope]).join('.');
  const [draftName, setDraftName] = useState(name);
  const [nameError, setNameError] = useState<string | null>(null);
  useEffect(() => {
    setDraftName(name);
    setNameError(null);
  }, [name]);
  const label = pair(control.label, typeof schema.title === 'string' ? schema.title : '');
  const help = control.description ? pair(control.description) : { zh: '', en: '' };
  const setHelp = (next: LocalizedText) => patch({ description: next.zh || next.en ? next : null });

  const commitName = () => {
    if (draftName === name) return;
    const renamed = renameField(definition, path, draftName.trim());
    if ('error' in renamed) setNameError(t(renamed.error === 'taken' ? 'forms.props.nameTaken' : 'forms.props.nameInvalid'));
    else {
      setNameError(null);
      onChange(renamed);
    }
  };
  const text = (testId: string, value: string, set: (v: string) => void) => (
    <Input data-testid={testId} value={value} onChange={(e) => set(e.target.value)} />
  );

  return (
    <>
      <Form.Item
        label={t('forms.props.name')}
        help={nameError ?? t('forms.props.nameHelp')}
        validateStatus={nameError ? 'error' : undefined}
      >
        <Input
          data-testid="prop-name"
          value={draftName}
          onChange={(e) => setDraftName(e.target.value)}
          onBlur={commitName}
          onPressEnter={commitName}
        />
      </Form.Item>
      <Form.Item label={t('forms.props.labelZh')}>{text('prop-label-zh', label.zh, (zh) => patch({ label: { ...label, zh } }))}</Form.Item>
      <Form.Item label={t('forms.props.labelEn')}>{text('prop-label-en', label.en, (en) => patch({ label: { ...label, en } }))}</Form.Item>
      <Form.Item label={t('forms.props.helpZh')}>{text('prop-help-zh', help.zh, (zh) => setHelp({ ...help, zh }))}</Form.Item>
      <Form.Item label={t('forms.props.helpEn')}>{text('prop-help-en', help.en, (en) => setHelp({ ...help, en }))}</Form.Item>
      <Form.Item label={t('forms.props.required')}>
        <Switch data-testid="prop-required" checked={isRequired(definition, control.scope)} onChange={(required) => patch({ required })} />
      </Form.Item>
    </>
  );
}
