import { useEffect, useState } from 'react';
import { Button, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormDefinition } from '@kcbx/forms';
import { COLUMN_KINDS, setTableColumns, type TableColumn, type UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A column key is committed when the input is left, and only when it is well-formed and not taken. */
function ColumnKey({ value, taken, onCommit }: { value: string; taken: string[]; onCommit(name: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const bad = text !== value && (!NAME.test(text) || taken.includes(text));
  const commit = () => (bad || text === value ? setText(value) : onCommit(text));
  return (
    <Input
      style={{ width: 90 }}
      status={bad ? 'error' : undefined}
      placeholder={t('forms.table.key')}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}

/** The columns of a table field: key, caption in both languages, kind; add and remove. */
export function TableColumnsEditor({
  definition,
  path,
  columns,
  onChange,
}: {
  definition: FormDefinition;
  path: UiPath;
  columns: TableColumn[];
  onChange(def: FormDefinition): void;
}) {
  const { t } = useI18n();
  const set = (next: TableColumn[]) => onChange(setTableColumns(definition, path, next));
  const edit = (i: number, patch: Partial<TableColumn>) => set(columns.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const freeName = () => {
    for (let n = columns.length + 1; ; n++) if (!columns.some((c) => c.name === `col_${n}`)) return `col_${n}`;
  };
  return (
    <div data-testid="table-columns">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('forms.table.hint')}
      </Typography.Text>
      {columns.map((c, i) => (
        <Space key={`${i}-${c.name}`} size={4} style={{ margin: '4px 0' }} data-testid={`column-${i}`}>
          <ColumnKey value={c.name} taken={columns.filter((_, j) => j !== i).map((x) => x.name)} onCommit={(name) => edit(i, { name })} />
          <Input
            style={{ width: 80 }}
            placeholder={t('forms.props.optionZh')}
            value={c.label.zh}
            onChange={(e) => edit(i, { label: { ...c.label, zh: e.target.value } })}
          />
          <Input
            style={{ width: 80 }}
            placeholder={t('forms.props.optionEn')}
            value={c.label.en}
            onChange={(e) => edit(i, { label: { ...c.label, en: e.target.value } })}
          />
          <Select
            style={{ width: 76 }}
            value={c.kind}
            onChange={(kind) => edit(i, { kind })}
            options={COLUMN_KINDS.map((k) => ({ value: k, label: t(`forms.table.${k}`) }))}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('forms.table.remove')}
            disabled={columns.length === 1}
            onClick={() => set(columns.filter((_, j) => j !== i))}
          />
        </Space>
      ))}
      <div>
        <Button
          size="small"
          icon={<PlusOutlined />}
          data-testid="column-add"
          onClick={() =>
            set([
              ...columns,
              { name: freeName(), label: { zh: `第${columns.length + 1}列`, en: `Column ${columns.length + 1}` }, kind: 'text' },
            ])
          }
        >
          {t('forms.table.add')}
        </Button>
      </div>
    </div>
  );
}
