import { Typography } from 'antd';
import { isLayout, type FormDefinition } from '@kcbx/forms';
import type { UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import { LayoutChildren } from './ElementCard';

export interface CanvasProps {
  definition: FormDefinition;
  selected: UiPath | null;
  /** Problems per element (pathKey), shown under the element. */
  problems: Map<string, string[]>;
  dragging: boolean;
  onSelect(path: UiPath): void;
  onShift(path: UiPath, delta: -1 | 1): void;
  onRemove(path: UiPath): void;
}

/** The form as a tree of cards: drop gaps between elements, layouts nest, a click selects for the property panel. */
export function Canvas(props: CanvasProps) {
  const { t } = useI18n();
  const { definition } = props;
  return (
    <div
      data-testid="form-canvas"
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, minHeight: 360, background: '#fff' }}
    >
      {!isLayout(definition.uiSchema) ? (
        <Typography.Text type="danger">{t('forms.canvas.rootNotLayout')}</Typography.Text>
      ) : (
        <LayoutChildren element={definition.uiSchema} path={[]} {...props} />
      )}
    </div>
  );
}
