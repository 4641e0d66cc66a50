import type { ElementOptions, JsonSchemaObject, UiElement } from '@kcbx/forms';
import { nestedBase, t, useFormEnv, type ScopeBase } from '../form-context';
import { useFieldRegistry } from '../field-registry';
import { propertyNamesOf } from '../schema-at';

/** An object rendered in place: its detail layout if given, otherwise one control per property. */
export function NestedObjectField({
  name,
  schema,
  options,
  parent,
}: {
  name: string;
  schema: JsonSchemaObject;
  options: ElementOptions;
  parent: ScopeBase;
}) {
  const { locale, definition } = useFormEnv();
  const { ElementView } = useFieldRegistry();
  const base = nestedBase(parent, name, schema);
  if (!base) return <span className="kcbx-too-deep">{t(locale, '（层级过深，未显示）', '(nested too deeply to show)')}</span>;
  const layout: UiElement = options.detail ?? {
    type: 'VerticalLayout',
    elements: propertyNamesOf(definition.schema, schema).map((p) => ({
      type: 'Control',
      scope: `#/properties/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    })),
  };
  return (
    <div className="kcbx-object" style={{ paddingLeft: 12, borderLeft: '2px solid #f0f0f0' }}>
      <ElementView element={layout} base={base} />
    </div>
  );
}
