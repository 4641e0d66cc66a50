import { RECTIFICATION_STAGE_LABELS, type RectificationItemRow, type RectificationStage } from '@kcbx/api-contract';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';

const STAGE_COLOURS: Record<RectificationStage, string> = {
  rectifying: 'blue',
  verifying: 'gold',
  archiving: 'purple',
  'signed-off': 'green',
  terminated: 'default',
};

/** A stage's name in the UI language. */
export function useStageLabel() {
  const { lang } = useI18n();
  return (s: RectificationStage) => RECTIFICATION_STAGE_LABELS[s][lang === 'en' ? 'en' : 'zh'];
}

export function StageTag({ r }: { r: RectificationItemRow }) {
  const stageLabel = useStageLabel();
  return (
    <Tag color={STAGE_COLOURS[r.stage]} data-testid="rectification-stage">
      {stageLabel(r.stage)}
    </Tag>
  );
}

/** What needs attention: overdue, failed verifications, 不到位, and the 纪检组's accountability record. */
export function ItemFlags({ r }: { r: RectificationItemRow }) {
  const { t } = useI18n();
  return (
    <>
      {r.overdue && <Tag color="red">{t('rectification.overdue')}</Tag>}
      {r.verifyFailures > 0 && <Tag>{t('rectification.failures', { count: r.verifyFailures })}</Tag>}
      {r.substandard && (
        <Tag color="red" data-testid="rectification-substandard">
          {t('rectification.substandard')}
        </Tag>
      )}
      {r.accountability !== 'none' && (
        <Tag color={r.accountability === 'pending' ? 'orange' : 'default'}>{t(`rectification.accountability.${r.accountability}`)}</Tag>
      )}
    </>
  );
}

export const unitOf = (r: RectificationItemRow) => r.orgUnitName ?? r.orgUnit ?? '—';
export const stepsOf = (r: RectificationItemRow) => (r.openSteps.length ? r.openSteps.join('、') : '—');
