import { useDraggable, useDroppable } from '@dnd-kit/core';
import { Button, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { isLayout, type FormDefinition, type UiElement } from '@kcbx/forms';
import { isRequired, scopeNames, type UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/zh-CN';
import { pathKey, type GapTarget } from './dnd';
import { textOf } from './labels';

interface CanvasProps {
  definition: FormDefinition;
  selected: UiPath | null;
  /** Problems per element (pathKey), shown under the element. */
  problems: Map<string, string[]>;
  dragging: boolean;
  onSelect(path: UiPath): void;
  onShift(path: UiPath, delta: -1 | 1): void;
  onRemove(path: UiPath): void;
}

const LAYOUT_NAMES: Record<string, MessageKey> = {
  VerticalLayout: 'forms.layout.VerticalLayout',
  HorizontalLayout: 'forms.layout.HorizontalLayout',
  Group: 'forms.layout.Group',
  Categorization: 'forms.layout.Categorization',
  Category: 'forms.layout.Category',
};

/** A place between elements where a dragged field or layout can land; wide only while something is dragged. */
function Gap({ target, dragging, horizontal, empty }: { target: GapTarget; dragging: boolean; horizontal: boolean; empty?: boolean }) {
  const { t } = useI18n();
  const id = `gap:${pathKey(target.container)}:${target.index}`;
  const { setNodeRef, isOver } = useDroppable({ id, data: target });
  const size = empty ? 44 : dragging ? 22 : 6;
  return (
    <div
      ref={setNodeRef}
      data-testid={`gap-${pathKey(target.container)}-${target.index}`}
      className="fb-gap"
      style={{
        flex: horizontal && !empty ? `0 0 ${size}px` : undefined,
        height: horizontal && !empty ? undefined : size,
        minWidth: horizontal && empty ? 120 : undefined,
        border: empty || dragging ? `1px dashed ${isOver ? '#1677ff' : '#bfbfbf'}` : '1px solid transparent',
        background: isOver ? '#e6f4ff' : undefined,
        borderRadius: 4,
        color: '#8c8c8c',
        fontSize: 12,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      {empty ? t('forms.canvas.dropHere') : null}
    </div>
  );
}

function Children({ element, path, ...rest }: { element: UiElement; path: UiPath } & Omit<CanvasProps, 'definition' | 'selected'> & { definition: FormDefinition; selected: UiPath | null }) {
  if (!isLayout(element)) return null;
  const horizontal = element.type === 'HorizontalLayout';
  const children = element.elements ?? [];
  return (
    <div style={{ display: 'flex', flexDirection: horizontal ? 'row' : 'column', alignItems: 'stretch', gap: 0 }}>
      {children.length === 0 && <Gap target={{ container: path, index: 0 }} dragging={rest.dragging} horizontal={horizontal} empty />}
      {children.map((child, i) => (
        <div key={i} style={{ display: 'contents' }}>
          <Gap target={{ container: path, index: i }} dragging={rest.dragging} horizontal={horizontal} />
          <div style={horizontal ? { flex: '1 1 0', minWidth: 0 } : undefined}>
            <ElementCard element={child} path={[...path, i]} siblings={children.length} {...rest} />
          </div>
        </div>
      ))}
      {children.length > 0 && <Gap target={{ container: path, index: children.length }} dragging={rest.dragging} horizontal={horizontal} />}
    </div>
  );
}

function ElementCard(props: { element: UiElement; path: UiPath; siblings: number } & Omit<CanvasProps, 'dragging'> & { dragging: boolean }) {
  const { element, path, siblings, definition, selected, problems, onSelect, onShift, onRemove } = props;
  const { t, lang } = useI18n();
  const key = pathKey(path);
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: `el:${key}`, data: { from: 'canvas', path } });
  const isSelected = selected !== null && pathKey(selected) === key;
  const errors = problems.get(key) ?? [];
  const name = element.type === 'Control' ? (scopeNames(element.scope) ?? [element.scope]).join('.') : undefined;
  const caption =
    element.type === 'Control' ? textOf(element.label, lang, name) : element.type === 'Label' ? textOf(element.text, lang) : textOf(element.label, lang, t(LAYOUT_NAMES[element.type] ?? 'forms.layout.VerticalLayout'));
  return (
    <div
      ref={setNodeRef}
      data-testid={`canvas-element-${name ?? key}`}
      data-path={key}
      onClick={(e) => {
        e.stopPropagation();
        onSelect(path);
      }}
      style={{
        border: `1px solid ${errors.length ? '#ff4d4f' : isSelected ? '#1677ff' : '#d9d9d9'}`,
        boxShadow: isSelected ? '0 0 0 2px rgba(22,119,255,0.15)' : undefined,
        background: isLayout(element) ? '#fafafa' : '#fff',
        borderRadius: 6,
        padding: '6px 8px',
        opacity: isDragging ? 0.4 : 1,
        cursor: 'pointer',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <span {...listeners} {...attributes} data-testid={`drag-${name ?? key}`} style={{ cursor: 'grab', color: '#8c8c8c', touchAction: 'none' }} aria-label={t('forms.canvas.drag')}>
          <HolderOutlined />
        </span>
        {isLayout(element) && <Tag>{t(LAYOUT_NAMES[element.type] ?? 'forms.layout.VerticalLayout')}</Tag>}
        <Typography.Text strong={!isLayout(element)} style={{ flex: 1 }} ellipsis>
          {element.type === 'Control' && isRequired(definition, element.scope) && <span style={{ color: '#ff4d4f' }}>* </span>}
          {caption}
        </Typography.Text>
        {name && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{name}</Typography.Text>}
        <Tooltip title={t('forms.canvas.up')}>
          <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={path[path.length - 1] === 0} aria-label={t('forms.canvas.up')} onClick={(e) => { e.stopPropagation(); onShift(path, -1); }} />
        </Tooltip>
        <Tooltip title={t('forms.canvas.down')}>
          <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={path[path.length - 1] === siblings - 1} aria-label={t('forms.canvas.down')} onClick={(e) => { e.stopPropagation(); onShift(path, 1); }} />
        </Tooltip>
        <Tooltip title={t('forms.canvas.remove')}>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('forms.canvas.remove')} data-testid={`remove-${name ?? key}`} onClick={(e) => { e.stopPropagation(); onRemove(path); }} />
        </Tooltip>
      </div>
      {errors.map((m, i) => (
        <div key={i} className="fb-field-error" data-testid="field-problem" style={{ color: '#ff4d4f', fontSize: 12, marginTop: 2 }}>{m}</div>
      ))}
      {isLayout(element) && (
        <div style={{ marginTop: 6 }}>
          <Children {...props} element={element} path={path} />
        </div>
      )}
    </div>
  );
}

/** The form as a tree of cards: drop gaps between elements, layouts nest, a click selects for the property panel. */
export function Canvas(props: CanvasProps) {
  const { t } = useI18n();
  const { definition } = props;
  return (
    <div data-testid="form-canvas" style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, minHeight: 360, background: '#fff' }}>
      {!isLayout(definition.uiSchema) ? (
        <Typography.Text type="danger">{t('forms.canvas.rootNotLayout')}</Typography.Text>
      ) : (
        <Children element={definition.uiSchema} path={[]} {...props} />
      )}
    </div>
  );
}
