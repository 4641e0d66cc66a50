import type { InstanceDetail } from '@kcbx/api-contract';
import { Descriptions } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { caseLabel } from './caseLabel';
import { StateTag } from './StateTag';

/** Whom the instance is about, its state and unit, where it stands, when it started and ended. */
export function InstanceFacts({ detail, name }: { detail: InstanceDetail; name(id: string | null): string }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('modeler.instances.case')}>{caseLabel(detail)}</Descriptions.Item>
      <Descriptions.Item label={t('modeler.instances.state')}>
        <StateTag state={detail.state} />
      </Descriptions.Item>
      <Descriptions.Item label={t('modeler.instances.unit')}>{detail.orgUnitName ?? detail.orgUnit}</Descriptions.Item>
      <Descriptions.Item label={t('modeler.instances.activeStep')}>
        {detail.activeActivityIds.map(name).join('、') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('modeler.instances.started')}>{formatDateTime(detail.startedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('modeler.instances.ended')}>{detail.endedAt ? formatDateTime(detail.endedAt) : '—'}</Descriptions.Item>
    </Descriptions>
  );
}
