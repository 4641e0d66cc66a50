import { useDraggable } from '@dnd-kit/core';
import { Button, Typography } from 'antd';
import { FIELD_KINDS, LAYOUT_KINDS, type FieldKindName, type LayoutKindName } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/zh-CN';
import type { DragSource } from './dnd';

function PaletteItem({ id, source, label, onAdd }: { id: string; source: DragSource; label: string; onAdd(): void }) {
  const { setNodeRef, listeners, attributes } = useDraggable({ id, data: source });
  return (
    <Button
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      block
      size="small"
      data-testid={`palette-${id}`}
      onClick={onAdd}
      style={{ textAlign: 'left', cursor: 'grab', touchAction: 'none' }}
    >
      {label}
    </Button>
  );
}

/**
 * Fields and layouts to drag onto the canvas. A click (or Enter) adds the item at the end of the selected
 * layout instead, so the builder works without a mouse too.
 */
export function Palette({
  onAddField,
  onAddLayout,
  onAddNote,
}: {
  onAddField(kind: FieldKindName): void;
  onAddLayout(kind: LayoutKindName): void;
  onAddNote(): void;
}) {
  const { t } = useI18n();
  return (
    <div data-testid="form-palette" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <Typography.Text type="secondary">{t('forms.palette.fields')}</Typography.Text>
      {FIELD_KINDS.map((k) => (
        <PaletteItem
          key={k}
          id={`field-${k}`}
          source={{ from: 'palette', field: k }}
          label={t(`forms.kind.${k}` as MessageKey)}
          onAdd={() => onAddField(k)}
        />
      ))}
      <Typography.Text type="secondary" style={{ marginTop: 8 }}>
        {t('forms.palette.layouts')}
      </Typography.Text>
      {LAYOUT_KINDS.map((k) => (
        <PaletteItem
          key={k}
          id={`layout-${k}`}
          source={{ from: 'palette', layout: k }}
          label={t(`forms.layout.${k}` as MessageKey)}
          onAdd={() => onAddLayout(k)}
        />
      ))}
      <PaletteItem id="note" source={{ from: 'palette', note: true }} label={t('forms.palette.note')} onAdd={onAddNote} />
      <Typography.Text type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {t('forms.palette.hint')}
      </Typography.Text>
    </div>
  );
}
