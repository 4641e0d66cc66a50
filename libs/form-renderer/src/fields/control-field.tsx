import { get, useFormState, useWatch } from 'react-hook-form';
import { isPngDataUrl, permissionOf, schemaObject, type ElementOptions, type JsonSchema, type JsonSchemaObject } from '@kcbx/forms';
import { displayValue } from '../display-value';
import { nameToPointer, scopeToName } from '../field-names';
import { fieldKind } from '../field-kind';
import type { ControlFieldProps } from '../field-registry';
import { useFormEnv } from '../form-context';
import { controlLabel, textFor } from '../labels';
import { isRequired, schemaAt } from '../schema-at';
import { BasicField } from './basic-fields';
import { FieldFrame } from './field-frame';
import { FileField } from './file-field';
import { NestedObjectField } from './nested-object-field';
import { RegionField } from './region-field';
import { ResidentIdField } from './resident-id-field';
import { SignatureField } from './signature-field';
import { TableField } from './table-field';
import { useRegionText } from './use-region-text';

/** One Control: permission, widget choice, label and error; review/print show text instead of inputs. */
export function ControlField({ control, base, compact }: ControlFieldProps) {
  const env = useFormEnv();
  const name = scopeToName(control.scope, base.name);
  const found = schemaAt(env.definition.schema, base.schema, control.scope);
  const permission = permissionOf(env.permissions, nameToPointer(name));
  if (permission === 'hidden' || found === undefined) return null;
  const schema = schemaObject(found) ?? {}; // a boolean schema gets no widget (fieldKind: unsupported)
  const options = control.options ?? {};
  const required = isRequired(env.definition.schema, base.schema, control.scope);
  const kind = fieldKind(schema, options, { required });
  const readonly = permission === 'readonly' || options.readonly === true || options.readOnly === true || schema.readOnly === true;
  // In a table cell the label is not shown (the column header says it) but the input still carries it.
  const fullLabel = controlLabel(control, schema, env.locale);
  const label = compact ? undefined : fullLabel;
  const help = textFor(control.description, env.locale) ?? (typeof schema.description === 'string' ? schema.description : undefined);

  if (env.mode === 'print' && kind !== 'table' && kind !== 'object' && kind !== 'list') {
    return <PrintValue name={name} label={label} kind={kind} schema={schema} labels={options.labels} />;
  }
  const widget = (() => {
    switch (kind) {
      case 'resident-id':
        return (
          <ResidentIdField
            name={name}
            readonly={readonly}
            placeholder={options.placeholder}
            siblings={idSiblings(env.definition.schema, base.schema, control.scope)}
          />
        );
      case 'region':
        return <RegionField name={name} readonly={readonly} />;
      case 'file':
      case 'files':
        return <FileField name={name} schema={schema} multiple={kind === 'files'} readonly={readonly} />;
      case 'signature':
        return <SignatureField name={name} readonly={readonly} />;
      case 'table':
      case 'list':
        return <TableField name={name} schema={schema} options={options} readonly={readonly} parent={base} />;
      case 'object':
        return <NestedObjectField name={name} schema={schema} options={options} parent={base} />;
      case 'unsupported':
        return <span className="kcbx-unsupported">—</span>;
      default:
        return undefined;
    }
  })();
  if (widget === undefined) {
    const frame = { label, required: required && !readonly, help: compact ? undefined : help };
    return (
      <BasicField
        name={name}
        kind={kind}
        schema={schema}
        options={options}
        readonly={readonly}
        placeholder={options.placeholder}
        ariaLabel={compact ? fullLabel : undefined}
        frame={frame}
      />
    );
  }
  return (
    <ErrorFrame
      name={name}
      label={label}
      required={required && !readonly}
      help={compact ? undefined : help}
      htmlFor={kind === 'resident-id' || kind === 'region' ? name : undefined}
    >
      {widget}
    </ErrorFrame>
  );
}

/** Subscribes to this field's error only. */
function ErrorFrame({
  name,
  label,
  required,
  help,
  htmlFor,
  children,
}: {
  name: string;
  label?: string;
  required: boolean;
  help?: string;
  htmlFor?: string;
  children: React.ReactNode;
}) {
  const { errors } = useFormState({ name, exact: true });
  // a field's error, or an object's / array's whose own message sits at `root`
  const error: { message?: string; root?: { message?: string } } | undefined = get(errors, name);
  const message = error?.message ?? error?.root?.message;
  return (
    <FieldFrame name={name} label={label} required={required} error={message} help={help} htmlFor={htmlFor}>
      {children}
    </FieldFrame>
  );
}

function PrintValue({
  name,
  label,
  kind,
  schema,
  labels,
}: {
  name: string;
  label?: string;
  kind: ReturnType<typeof fieldKind>;
  schema: JsonSchemaObject;
  labels?: ElementOptions['labels'];
}) {
  const env = useFormEnv();
  const value = useWatch({ name });
  const regionText = useRegionText(kind === 'region' ? value : undefined);
  // Only a PNG drawn on the pad is shown as an image: a stored link elsewhere is never fetched by the page.
  if (kind === 'signature' && isPngDataUrl(value)) {
    return (
      <div className="kcbx-print-field" data-field={name}>
        <span className="kcbx-print-label">{label}</span>
        <img className="kcbx-print-signature" src={value} alt={label} style={{ height: 48 }} />
      </div>
    );
  }
  return (
    <div className="kcbx-print-field" data-field={name}>
      {label !== undefined && <span className="kcbx-print-label">{label}</span>}
      <span className="kcbx-print-value">
        {regionText ?? displayValue(kind, schema, value, { locale: env.locale, regions: env.regions, labels })}
      </span>
    </div>
  );
}

/** The birthDate/sex properties beside an ID number (same object), which the ID field fills in. */
function idSiblings(root: JsonSchema, start: JsonSchema | undefined, scope: string) {
  const parent = scope.replace(/\/properties\/[^/]+$/, '');
  const at = (p: string) => schemaAt(root, start, `${parent}/properties/${p}`);
  return { birthDate: at('birthDate'), sex: at('sex') };
}
