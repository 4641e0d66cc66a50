import { Form, Input, Select } from 'antd';
import type { FormDefinition, LayoutElement, LocalizedText } from '@kcbx/forms';
import { elementAt, updateLayout, updateNote, type UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import { pair } from './textPair';

/** A selected layout (column, row, group): its kind and its label in both languages. */
export function LayoutProperties({
  definition,
  path,
  onChange,
}: {
  definition: FormDefinition;
  path: UiPath;
  onChange(def: FormDefinition): void;
}) {
  const { t } = useI18n();
  const layout = elementAt(definition.uiSchema, path) as LayoutElement;
  const label = pair(layout.label);
  const setLabel = (next: LocalizedText) => onChange(updateLayout(definition, path, { label: next.zh || next.en ? next : null }));
  const editableType = ['VerticalLayout', 'HorizontalLayout', 'Group'].includes(layout.type) && path.length > 0;
  return (
    <Form layout="vertical" size="small" data-testid="layout-properties">
      {editableType && (
        <Form.Item label={t('forms.props.layoutType')}>
          <Select
            value={layout.type}
            onChange={(type: LayoutElement['type']) => onChange(updateLayout(definition, path, { type }))}
            options={(['VerticalLayout', 'HorizontalLayout', 'Group'] as const).map((k) => ({ value: k, label: t(`forms.layout.${k}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('forms.props.labelZh')}>
        <Input data-testid="layout-label-zh" value={label.zh} onChange={(e) => setLabel({ ...label, zh: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('forms.props.labelEn')}>
        <Input data-testid="layout-label-en" value={label.en} onChange={(e) => setLabel({ ...label, en: e.target.value })} />
      </Form.Item>
    </Form>
  );
}

/** A selected note: its text in both languages. */
export function NoteProperties({
  definition,
  path,
  onChange,
}: {
  definition: FormDefinition;
  path: UiPath;
  onChange(def: FormDefinition): void;
}) {
  const { t } = useI18n();
  const note = elementAt(definition.uiSchema, path);
  const text = pair(note?.type === 'Label' ? note.text : undefined);
  return (
    <Form layout="vertical" size="small" data-testid="note-properties">
      <Form.Item label={t('forms.props.noteZh')}>
        <Input.TextArea
          data-testid="note-zh"
          autoSize
          value={text.zh}
          onChange={(e) => onChange(updateNote(definition, path, { ...text, zh: e.target.value }))}
        />
      </Form.Item>
      <Form.Item label={t('forms.props.noteEn')}>
        <Input.TextArea
          data-testid="note-en"
          autoSize
          value={text.en}
          onChange={(e) => onChange(updateNote(definition, path, { ...text, en: e.target.value }))}
        />
      </Form.Item>
    </Form>
  );
}
