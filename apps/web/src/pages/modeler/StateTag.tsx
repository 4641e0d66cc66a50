import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';

const COLORS: Record<string, string> = { active: 'processing', completed: 'success', terminated: 'default' };

export function StateTag({ state }: { state: string }) {
  const { t } = useI18n();
  const known = state === 'active' || state === 'completed' || state === 'terminated';
  return <Tag color={COLORS[state]}>{known ? t(`modeler.state.${state}`) : state}</Tag>;
}
