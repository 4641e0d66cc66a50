import { useState } from 'react';
import { Col, Row, Tag } from 'antd';
import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import type { FormDefinition } from '@kcbx/forms';
import { addField, addLayout, addNote, moveElement, removeElement, type UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import { Canvas } from './Canvas';
import { clickTarget, collision, dropped } from './designMoves';
import { pathKey, type DragSource, type GapTarget } from './dnd';
import { Palette } from './Palette';
import { PropertyPanel } from './PropertyPanel';

export interface DesignTabProps {
  definition: FormDefinition;
  selected: UiPath | null;
  problems: Map<string, string[]>;
  onSelect(path: UiPath | null): void;
  /** A new definition; `select` (when given) becomes the selected element. */
  onChange(next: FormDefinition, select?: UiPath | null): void;
}

/** Palette, canvas and property panel, with dragging from the palette and within the canvas. */
export function DesignTab({ definition, selected, problems, onSelect, onChange }: DesignTabProps) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState<DragSource | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const apply = (result: { definition: FormDefinition; path: UiPath } | null | undefined) =>
    result && onChange(result.definition, result.path);
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const source = e.active.data.current as DragSource | undefined;
    const target = e.over?.data.current as GapTarget | undefined;
    if (source && target) apply(dropped(definition, source, target));
  };
  const shift = (path: UiPath, delta: -1 | 1) => {
    const index = path[path.length - 1];
    // moveElement counts the target index before removal, so moving down by one is "before index + 2"
    apply(moveElement(definition, path, { container: path.slice(0, -1), index: delta < 0 ? index - 1 : index + 2 }));
  };
  const at = () => clickTarget(definition, selected);
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={(e) => setDragging((e.active.data.current as DragSource) ?? null)}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
    >
      <Row gutter={12}>
        <Col span={4}>
          <Palette
            onAddField={(kind) => apply(addField(definition, kind, at()))}
            onAddNote={() => apply(addNote(definition, at()))}
            onAddLayout={(kind) => apply(addLayout(definition, kind, at()))}
          />
        </Col>
        <Col span={12} onClick={() => onSelect(null)}>
          <Canvas
            definition={definition}
            selected={selected}
            problems={problems}
            dragging={dragging !== null}
            onSelect={onSelect}
            onShift={shift}
            onRemove={(path) => onChange(removeElement(definition, path), null)}
          />
        </Col>
        <Col span={8}>
          <PropertyPanel
            definition={definition}
            selected={selected}
            problems={selected ? (problems.get(pathKey(selected)) ?? []) : []}
            onChange={(d) => onChange(d)}
          />
        </Col>
      </Row>
      <DragOverlay dropAnimation={null}>
        {dragging ? (
          <Tag color="blue" style={{ padding: '4px 8px' }}>
            {t('forms.canvas.dragging')}
          </Tag>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
