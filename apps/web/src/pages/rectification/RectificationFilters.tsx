import { RECTIFICATION_STAGES, type RectificationItemList, type RectificationStage } from '@kcbx/api-contract';
import { Select, Switch } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useStageLabel } from './ItemTags';

interface Props {
  stage: RectificationStage | '';
  substandard: boolean;
  /** the whole list's counts, once loaded */
  counts: RectificationItemList['counts'] | undefined;
  onChange(filter: 'stage' | 'substandard', value: string | undefined): void;
}

/** By stage (each with its count) and only 不到位 items. */
export function RectificationFilters({ stage, substandard, counts, onChange }: Props) {
  const { t } = useI18n();
  const stageLabel = useStageLabel();
  return (
    <div className="kcbx-filters">
      <Select
        data-testid="rectification-stage-filter"
        aria-label={t('rectification.stage')}
        value={stage}
        onChange={(v: string) => onChange('stage', v || undefined)}
        options={[
          { value: '', label: t('rectification.allStages') },
          ...RECTIFICATION_STAGES.map((s) => ({
            value: s,
            label: counts ? t('rectification.count', { label: stageLabel(s), count: counts[s] }) : stageLabel(s),
          })),
        ]}
      />
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minHeight: 40 }}>
        <Switch
          data-testid="rectification-substandard-filter"
          checked={substandard}
          onChange={(on) => onChange('substandard', on ? 'true' : undefined)}
        />
        {t('rectification.onlySubstandard')}
        {counts ? `（${counts.substandard}）` : ''}
      </label>
    </div>
  );
}
