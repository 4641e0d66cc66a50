import { Button, Table } from 'antd';
import { useContext, useMemo } from 'react';
import { useFieldArray } from 'react-hook-form';
import { resolveRef } from '@kcbx/forms';
import { DisabledContext, nestedBase, t, useFormEnv, type ScopeBase } from '../form-context';
import { controlLabel } from '../labels';
import { schemaAt } from '../schema-at';
import { tableColumns } from '../table-columns';
import { ControlField } from './control-field';

/**
 * Repeatable rows as an editable table. Cells are ordinary fields (each subscribes to itself), so a keystroke
 * in row 150 re-renders that cell only; adding or removing a row re-renders the table.
 */
export function TableField({ name, schema, options, readonly, parent }: { name: string; schema: any; options: Record<string, any>; readonly: boolean; parent: ScopeBase }) {
  const env = useFormEnv();
  const base = nestedBase(parent, name, schema);
  if (!base) return <span className="kcbx-too-deep">{t(env.locale, '（层级过深，未显示）', '(nested too deeply to show)')}</span>;
  return <RowsTable name={name} schema={schema} options={options} readonly={readonly} base={base} />;
}

function RowsTable({ name, schema, options, readonly, base }: { name: string; schema: any; options: Record<string, any>; readonly: boolean; base: ScopeBase }) {
  const env = useFormEnv();
  const disabled = useContext(DisabledContext) || readonly || env.mode !== 'edit';
  const { fields, append, remove } = useFieldArray({ name });
  const root = env.definition.schema;
  const items = resolveRef(root, schema.items) ?? {};
  const columns = useMemo(() => tableColumns(root, schema, options.detail), [root, schema, options.detail]);
  const tableColumnsSpec = columns.map((column) => ({
    key: column.scope,
    title: controlLabel(column, schemaAt(root, items, column.scope), env.locale) ?? '',
    render: (_: unknown, _row: unknown, index: number) => <ControlField control={column} base={{ ...base, name: `${name}.${index}`, schema: items }} compact />,
  }));
  if (!disabled && options.removable !== false) {
    tableColumnsSpec.push({
      key: '__actions',
      title: '',
      render: (_: unknown, _row: unknown, index: number) => (
        <Button size="small" danger onClick={() => remove(index)}>
          {t(env.locale, '删除', 'Remove')}
        </Button>
      ),
    });
  }
  return (
    <div className="kcbx-table">
      <Table size="small" pagination={false} rowKey="id" dataSource={fields} columns={tableColumnsSpec} bordered />
      {!disabled && options.addable !== false && (
        <Button style={{ marginTop: 8 }} onClick={() => append(items.type === 'object' || items.properties ? {} : (undefined as any))}>
          {t(env.locale, '添加一行', 'Add row')}
        </Button>
      )}
    </div>
  );
}
