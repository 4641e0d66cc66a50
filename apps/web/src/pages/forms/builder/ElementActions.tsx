import { Button, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';

interface Props {
  path: UiPath;
  /** how many elements share the parent: the last one cannot move down */
  siblings: number;
  testId: string;
  onShift(path: UiPath, delta: -1 | 1): void;
  onRemove(path: UiPath): void;
}

/** A card's up, down and remove buttons; a click on them does not also select the card. */
export function ElementActions({ path, siblings, testId, onShift, onRemove }: Props) {
  const { t } = useI18n();
  return (
    <>
      <Tooltip title={t('forms.canvas.up')}>
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          disabled={path[path.length - 1] === 0}
          aria-label={t('forms.canvas.up')}
          onClick={(e) => {
            e.stopPropagation();
            onShift(path, -1);
          }}
        />
      </Tooltip>
      <Tooltip title={t('forms.canvas.down')}>
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          disabled={path[path.length - 1] === siblings - 1}
          aria-label={t('forms.canvas.down')}
          onClick={(e) => {
            e.stopPropagation();
            onShift(path, 1);
          }}
        />
      </Tooltip>
      <Tooltip title={t('forms.canvas.remove')}>
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('forms.canvas.remove')}
          data-testid={testId}
          onClick={(e) => {
            e.stopPropagation();
            onRemove(path);
          }}
        />
      </Tooltip>
    </>
  );
}
