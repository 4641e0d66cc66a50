import { Alert, Form, Input, Typography } from 'antd';
import { isLayout, type FormDefinition } from '@kcbx/forms';
import { elementAt, updateTitle, type UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import { FieldProperties } from './FieldProperties';
import { LayoutProperties, NoteProperties } from './LayoutProperties';
import { pair } from './textPair';

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
        <Input
          id="kcbx-form-title-zh"
          data-testid="form-title-zh"
          value={title.zh}
          onChange={(e) => onChange(updateTitle(definition, { ...title, zh: e.target.value }))}
        />
      </Form.Item>
      <Form.Item label={t('forms.props.titleEn')} htmlFor="kcbx-form-title-en">
        <Input
          id="kcbx-form-title-en"
          data-testid="form-title-en"
          value={title.en}
          onChange={(e) => onChange(updateTitle(definition, { ...title, en: e.target.value }))}
        />
      </Form.Item>
      <Typography.Text type="secondary">{t('forms.props.selectHint')}</Typography.Text>
    </Form>
  );
}

/** Properties of whatever is selected on the canvas: a field, a layout, or (nothing selected) the form itself. */
export function PropertyPanel({
  definition,
  selected,
  problems,
  onChange,
}: {
  definition: FormDefinition;
  selected: UiPath | null;
  problems: string[];
  onChange(def: FormDefinition): void;
}) {
  const element = selected ? elementAt(definition.uiSchema, selected) : undefined;
  return (
    <div data-testid="property-panel">
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="panel-problems"
          message={problems.map((p, i) => (
            <div key={i}>{p}</div>
          ))}
        />
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
