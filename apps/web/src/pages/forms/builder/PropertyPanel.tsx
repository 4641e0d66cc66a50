import { Alert, Form, Input, Select, Typography } from 'antd';
import { isLayout, type FormDefinition, type LayoutElement, type LocalizedText, type Text } from '@kcbx/forms';
import { elementAt, updateLayout, updateNote, updateTitle, type UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import { FieldProperties } from './FieldProperties';

function pair(text: Text | boolean | undefined): LocalizedText {
  if (text === undefined || typeof text === 'boolean') return { zh: '', en: '' };
  return typeof text === 'string' ? { zh: text, en: text } : text;
}

function LayoutProperties({ definition, path, onChange }: { definition: FormDefinition; path: UiPath; onChange(def: FormDefinition): void }) {
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

function NoteProperties({ definition, path, onChange }: { definition: FormDefinition; path: UiPath; onChange(def: FormDefinition): void }) {
  const { t } = useI18n();
  const note = elementAt(definition.uiSchema, path);
  const text = pair(note?.type === 'Label' ? note.text : undefined);
  return (
    <Form layout="vertical" size="small" data-testid="note-properties">
      <Form.Item label={t('forms.props.noteZh')}>
        <Input.TextArea data-testid="note-zh" autoSize value={text.zh} onChange={(e) => onChange(updateNote(definition, path, { ...text, zh: e.target.value }))} />
      </Form.Item>
      <Form.Item label={t('forms.props.noteEn')}>
        <Input.TextArea data-testid="note-en" autoSize value={text.en} onChange={(e) => onChange(updateNote(definition, path, { ...text, en: e.target.value }))} />
      </Form.Item>
    </Form>
  );
}

function FormProperties({ definition, onChange }: { definition: FormDefinition; onChange(def: FormDefinition): void }) {
  const { t } = useI18n();
  const title = pair(definition.title);
  return (
    <Form layout="vertical" size="small" data-testid="form-properties">
      <Form.Item label={t('forms.props.key')}>
        <Typography.Text code>{definition.key}</Typography.Text>
      </Form.Item>
      {/* htmlFor + id: a Form.Item without a name does not link its label to the input (axe: label). */}
      <Form.Item label={t('forms.props.titleZh')} htmlFor="kcbx-form-title-zh">
        <Input id="kcbx-form-title-zh" data-testid="form-title-zh" value={title.zh} onChange={(e) => onChange(updateTitle(definition, { ...title, zh: e.target.value }))} />
      </Form.Item>
      <Form.Item label={t('forms.props.titleEn')} htmlFor="kcbx-form-title-en">
        <Input id="kcbx-form-title-en" data-testid="form-title-en" value={title.en} onChange={(e) => onChange(updateTitle(definition, { ...title, en: e.target.value }))} />
      </Form.Item>
      <Typography.Text type="secondary">{t('forms.props.selectHint')}</Typography.Text>
    </Form>
  );
}

/** Properties of whatever is selected on the canvas: a field, a layout, or (nothing selected) the form itself. */
export function PropertyPanel({ definition, selected, problems, onChange }: { definition: FormDefinition; selected: UiPath | null; problems: string[]; onChange(def: FormDefinition): void }) {
  const element = selected ? elementAt(definition.uiSchema, selected) : undefined;
  return (
    <div data-testid="property-panel">
      {problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} data-testid="panel-problems" message={problems.map((p, i) => <div key={i}>{p}</div>)} />
      )}
      {!selected || !element || selected.length === 0 ? (
        <FormProperties definition={definition} onChange={onChange} />
      ) : element.type === 'Control' ? (
        <FieldProperties key={selected.join('.')} definition={definition} path={selected} onChange={onChange} />
      ) : isLayout(element) ? (
        <LayoutProperties definition={definition} path={selected} onChange={onChange} />
      ) : (
        <NoteProperties definition={definition} path={selected} onChange={onChange} />
      )}
    </div>
  );
}
