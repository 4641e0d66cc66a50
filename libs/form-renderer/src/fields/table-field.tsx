import { Button, Upload } from 'antd';
import { memo, useContext, useMemo, useState, type CSSProperties } from 'react';
import { useFieldArray } from 'react-hook-form';
import { maxItemsOf, resolveRef, schemaObject, type ControlElement, type ElementOptions, type JsonSchemaObject } from '@kcbx/forms';
import { useFieldRegistry } from '../field-registry';
import { DisabledContext, nestedBase, t, useFormEnv, type Locale, type ScopeBase } from '../form-context';
import { controlLabel } from '../labels';
import { NearChunk } from '../near-chunk';
import { CHUNK_SIZE, ROW_PX } from '../near-viewport';
import { schemaAt } from '../schema-at';
import { tableColumns } from '../table-columns';
import { rowsFromSheet } from '../table-import';

/**
 * Repeatable rows as an editable table. Cells are ordinary fields (each subscribes to itself), so a keystroke
 * in row 150 re-renders that cell only; adding or removing a row renders the rows after it, not the others.
 */
export function TableField({
  name,
  schema,
  options,
  readonly,
  parent,
}: {
  name: string;
  schema: JsonSchemaObject;
  options: ElementOptions;
  readonly: boolean;
  parent: ScopeBase;
}) {
  const env = useFormEnv();
  const base = nestedBase(parent, name, schema);
  if (!base) return <span className="kcbx-too-deep">{t(env.locale, '（层级过深，未显示）', '(nested too deeply to show)')}</span>;
  return <RowsTable name={name} schema={schema} options={options} readonly={readonly} base={base} />;
}

// A plain <table> in antd's colours: antd's Table (sorting, selection, fixed columns…) cost more than the
// fields inside it — a 200-row table mounted about twice as slowly with it (npm run bench -- forms).
// (Styled by class: .kcbx-rows in form-styles.ts.)
const EMPTY: CSSProperties = { color: 'rgba(0,0,0,0.25)', textAlign: 'center' };

function RowsTable({
  name,
  schema,
  options,
  readonly,
  base,
}: {
  name: string;
  schema: JsonSchemaObject;
  options: ElementOptions;
  readonly: boolean;
  base: ScopeBase;
}) {
  const env = useFormEnv();
  const disabled = useContext(DisabledContext) || readonly || env.mode !== 'edit';
  const { fields, append, remove } = useFieldArray({ name });
  const root = env.definition.schema;
  const items = useMemo(() => schemaObject(resolveRef(root, schema.items)) ?? {}, [root, schema.items]);
  const columns = useMemo(() => tableColumns(root, schema, options.detail), [root, schema, options.detail]);
  const removable = !disabled && options.removable !== false;
  const chunked = env.deferWidgets && fields.length > CHUNK_SIZE;
  // Every list is bounded (the author's maxItems or the library's default): no adding past what the server accepts.
  const room = maxItemsOf(schema) - fields.length;
  const row = (field: { id: string }, index: number) => (
    <RowView
      key={field.id}
      name={name}
      index={index}
      columns={columns}
      items={items}
      base={base}
      locale={env.locale}
      onRemove={removable ? remove : undefined}
    />
  );
  // A large table: fixed column widths, so the header and the row chunks (each its own table) line up.
  const cols = chunked && (
    <colgroup>
      {columns.map((column) => (
        <col key={column.scope} />
      ))}
      {removable && <col style={{ width: 64 }} />}
    </colgroup>
  );
  return (
    <div className="kcbx-table">
      <table className={chunked ? 'kcbx-rows kcbx-rows-fixed' : 'kcbx-rows'}>
        {cols}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.scope}>{controlLabel(column, schemaAt(root, items, column.scope), env.locale) ?? ''}</th>
            ))}
            {removable && <th />}
          </tr>
        </thead>
        {!chunked && (
          <tbody>
            {fields.map(row)}
            {fields.length === 0 && (
              <tr>
                <td colSpan={columns.length + (removable ? 1 : 0)} style={EMPTY}>
                  {t(env.locale, '暂无数据', 'No rows')}
                </td>
              </tr>
            )}
          </tbody>
        )}
      </table>
      {/* Rows in chunks (each its own table and compositing layer) that get their widgets as they come near the
          window, so a keystroke in row 100 repaints its chunk, not 200 rows. */}
      {chunked &&
        chunksOf(fields).map((chunk, c) => (
          <NearChunk key={c} rows estimatePx={chunk.length * ROW_PX}>
            <table className="kcbx-rows kcbx-rows-fixed kcbx-rows-chunk">
              {cols}
              <tbody>{chunk.map((field, i) => row(field, c * CHUNK_SIZE + i))}</tbody>
            </table>
          </NearChunk>
        ))}
      {!disabled && options.addable !== false && (
        <div style={{ marginTop: 8, display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button disabled={room <= 0} onClick={() => append(items.type === 'object' || items.properties ? {} : undefined)}>
            {t(env.locale, '添加一行', 'Add row')}
          </Button>
          {room <= 0 && (
            <span className="kcbx-field-help">{t(env.locale, `最多 ${maxItemsOf(schema)} 行`, `at most ${maxItemsOf(schema)} rows`)}</span>
          )}
          {env.readSheet && <SheetImport name={name} columns={columns} items={items} room={room} onRows={(rows) => append(rows)} />}
        </div>
      )}
    </div>
  );
}

function chunksOf<T>(rows: T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_SIZE) chunks.push(rows.slice(i, i + CHUNK_SIZE));
  return chunks;
}

/** 从表格导入: rows from a CSV/XLSX (read by the API), matched to the columns by header; what did not match is said. */
function SheetImport({
  name,
  columns,
  items,
  room,
  onRows,
}: {
  name: string;
  columns: ControlElement[];
  items: JsonSchemaObject;
  /** How many more rows the table may take. */
  room: number;
  onRows: (rows: Record<string, unknown>[]) => void;
}) {
  const env = useFormEnv();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const read = async (file: File) => {
    setBusy(true);
    try {
      const { rows, unmatched } = rowsFromSheet(await env.readSheet!(file), columns, env.definition.schema, items);
      if (rows.length > room) {
        // All or nothing: half a sheet imported would look complete to the clerk.
        setNote({
          text: t(
            env.locale,
            `${file.name} 有 ${rows.length} 行，此表格还能添加 ${Math.max(room, 0)} 行，未导入`,
            `${file.name} has ${rows.length} rows; this table takes ${Math.max(room, 0)} more; nothing imported`,
          ),
          error: true,
        });
        return;
      }
      onRows(rows);
      const skipped = unmatched.length
        ? t(env.locale, `；未识别的列：${unmatched.join('、')}`, `; columns not recognised: ${unmatched.join(', ')}`)
        : '';
      setNote({
        text: t(
          env.locale,
          `已从 ${file.name} 导入 ${rows.length} 行${skipped}`,
          `${rows.length} rows imported from ${file.name}${skipped}`,
        ),
        error: false,
      });
    } catch (e) {
      setNote({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void read(file);
          return false;
        }}
      >
        <Button loading={busy} data-testid={`${name}-sheet-import`}>
          {t(env.locale, '从表格导入（Excel/CSV）', 'Import from a spreadsheet (Excel/CSV)')}
        </Button>
      </Upload>
      {note && (
        <span
          className="kcbx-sheet-note"
          role={note.error ? 'alert' : 'status'}
          style={{ color: note.error ? '#cf1322' : 'rgba(0,0,0,0.65)' }}
        >
          {note.text}
        </span>
      )}
    </>
  );
}

interface RowProps {
  name: string;
  index: number;
  columns: ControlElement[];
  items: JsonSchemaObject;
  base: ScopeBase;
  locale: Locale;
  onRemove?: (index: number) => void;
}

/** One row; memoised, so appending a row leaves the rows above it alone. */
const RowView = memo(function RowView({ name, index, columns, items, base, locale, onRemove }: RowProps) {
  const { ControlField } = useFieldRegistry();
  const rowBase = useMemo(() => ({ ...base, name: `${name}.${index}`, schema: items }), [base, name, index, items]);
  return (
    <tr className="kcbx-row-item">
      {columns.map((column) => (
        <td key={column.scope}>
          <ControlField control={column} base={rowBase} compact />
        </td>
      ))}
      {onRemove && (
        <td>
          {/* A plain link-style button: 200 antd Buttons (one per row) cost more to mount than the row's fields. */}
          <button type="button" className="kcbx-row-remove" onClick={() => onRemove(index)}>
            {t(locale, '删除', 'Remove')}
          </button>
        </td>
      )}
    </tr>
  );
});
