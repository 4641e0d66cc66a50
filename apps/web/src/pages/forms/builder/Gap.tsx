import { useDroppable } from '@dnd-kit/core';
import { useI18n } from '../../../i18n/i18n';
import { pathKey, type GapTarget } from './dnd';

/** A place between elements where a dragged field or layout can land; wide only while something is dragged. */
export function Gap({
  target,
  dragging,
  horizontal,
  empty,
}: {
  target: GapTarget;
  dragging: boolean;
  horizontal: boolean;
  empty?: boolean;
}) {
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
