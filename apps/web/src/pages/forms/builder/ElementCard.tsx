import { useDraggable } from '@dnd-kit/core';
import { Tag, Typography } from 'antd';
import { HolderOutlined } from '@ant-design/icons';
import { isLayout, type FormDefinition, type UiElement } from '@kcbx/forms';
import { isRequired, scopeNames, type UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/zh-CN';
import type { CanvasProps } from './Canvas';
import { pathKey } from './dnd';
import { ElementActions } from './ElementActions';
import { Gap } from './Gap';
import { textOf } from './labels';

const LAYOUT_NAMES: Record<string, MessageKey> = {
  VerticalLayout: 'forms.layout.VerticalLayout',
  HorizontalLayout: 'forms.layout.HorizontalLayout',
  Group: 'forms.layout.Group',
  Categorization: 'forms.layout.Categorization',
  Category: 'forms.layout.Category',
};

/** A layout's children, with a drop gap before, between and after them (one wide gap when it has none). */
export function LayoutChildren({
  element,
  path,
  ...rest
}: { element: UiElement; path: UiPath } & Omit<CanvasProps, 'definition' | 'selected'> & {
    definition: FormDefinition;
    selected: UiPath | null;
  }) {
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

/** One element as a card: drag handle, caption, data name, actions, its problems, and a layout's children inside. */
function ElementCard(
  props: { element: UiElement; path: UiPath; siblings: number } & Omit<CanvasProps, 'dragging'> & { dragging: boolean },
) {
  const { element, path, siblings, definition, selected, problems, onSelect, onShift, onRemove } = props;
  const { t, lang } = useI18n();
  const key = pathKey(path);
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: `el:${key}`, data: { from: 'canvas', path } });
  const isSelected = selected !== null && pathKey(selected) === key;
  const errors = problems.get(key) ?? [];
  const name = element.type === 'Control' ? (scopeNames(element.scope) ?? [element.scope]).join('.') : undefined;
  const caption =
    element.type === 'Control'
      ? textOf(element.label, lang, name)
      : element.type === 'Label'
        ? textOf(element.text, lang)
        : textOf(element.label, lang, t(LAYOUT_NAMES[element.type] ?? 'forms.layout.VerticalLayout'));
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
        <span
          {...listeners}
          {...attributes}
          data-testid={`drag-${name ?? key}`}
          style={{ cursor: 'grab', color: '#8c8c8c', touchAction: 'none' }}
          aria-label={t('forms.canvas.drag')}
        >
          <HolderOutlined />
        </span>
        {isLayout(element) && <Tag>{t(LAYOUT_NAMES[element.type] ?? 'forms.layout.VerticalLayout')}</Tag>}
        <Typography.Text strong={!isLayout(element)} style={{ flex: 1 }} ellipsis>
          {element.type === 'Control' && isRequired(definition, element.scope) && <span style={{ color: '#ff4d4f' }}>* </span>}
          {caption}
        </Typography.Text>
        {name && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {name}
          </Typography.Text>
        )}
        <ElementActions path={path} siblings={siblings} testId={`remove-${name ?? key}`} onShift={onShift} onRemove={onRemove} />
      </div>
      {errors.map((m, i) => (
        <div key={i} className="fb-field-error" data-testid="field-problem" style={{ color: '#ff4d4f', fontSize: 12, marginTop: 2 }}>
          {m}
        </div>
      ))}
      {isLayout(element) && (
        <div style={{ marginTop: 6 }}>
          <LayoutChildren {...props} element={element} path={path} />
        </div>
      )}
    </div>
  );
}
