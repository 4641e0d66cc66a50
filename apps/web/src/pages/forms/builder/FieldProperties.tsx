import { Alert, Divider, Form } from 'antd';
import type { FormDefinition } from '@kcbx/forms';
import { elementAt, optionsOf, schemaAtScope, tableColumnsOf, updateField, type FieldPatch, type UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import { DefaultEditor } from './DefaultEditor';
import { FieldBasics } from './FieldBasics';
import { FieldLimits } from './FieldLimits';
import { OptionsEditor } from './OptionsEditor';
import { RuleEditor } from './RuleEditor';
import { TableColumnsEditor } from './TableColumnsEditor';

const divider = (text: string) => (
  <Divider plain style={{ margin: '8px 0' }}>
    {text}
  </Divider>
);

/** The property panel of one field: key, labels and help in both languages, required, limits, options, default, rule. */
export function FieldProperties({
  definition,
  path,
  onChange,
}: {
  definition: FormDefinition;
  path: UiPath;
  onChange(def: FormDefinition): void;
}) {
  const { t } = useI18n();
  const found = elementAt(definition.uiSchema, path);
  const control = found?.type === 'Control' ? found : undefined;
  const schema = control ? schemaAtScope(definition, control.scope) : undefined;
  if (!control || !schema) return <Alert type="warning" showIcon message={t('forms.props.noSchema')} />;

  const patch = (p: FieldPatch) => onChange(updateField(definition, path, p));
  const options = optionsOf(definition, path);
  const columns = tableColumnsOf(definition, path);
  const type: string | undefined = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const plainString = type === 'string' && !options && !schema.format;
  const part = { definition, path, control, schema, patch, onChange };

  return (
    <Form layout="vertical" size="small" data-testid="field-properties">
      <FieldBasics {...part} />
      <FieldLimits schema={schema} type={type} plainString={plainString} patch={patch} />
      {columns && (
        <>
          {divider(t('forms.table.columns'))}
          <TableColumnsEditor definition={definition} path={path} columns={columns} onChange={onChange} />
        </>
      )}
      {options && (
        <>
          {divider(t('forms.props.options'))}
          <OptionsEditor options={options} onChange={(next) => patch({ options: next })} />
        </>
      )}
      {divider(t('forms.props.default'))}
      <Form.Item>
        <DefaultEditor schema={schema} type={type} options={options} patch={patch} />
      </Form.Item>
      {divider(t('forms.props.rule'))}
      <RuleEditor definition={definition} control={control} onChange={(rule) => patch({ rule })} />
    </Form>
  );
}
