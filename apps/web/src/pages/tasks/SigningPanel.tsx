import type { SigningRound } from '@kcbx/api-contract';
import { Alert, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { CoSignVote } from './CoSignVote';

const COLOR: Record<string, string> = { active: 'blue', approved: 'green', rejected: 'red', waiting: 'default', skipped: 'default' };

interface Props {
  signing?: SigningRound | null;
  urgeCount?: number;
  taskId: string;
  myId: string;
  onVoted: () => void;
}

/**
 * The step's 加签 round: who was added, how, and each one's signature; how often the step was urged; and, for a
 * parallel co-signer whose signature is still asked, the vote itself.
 */
export function SigningPanel({ signing, urgeCount, taskId, myId, onVoted }: Props) {
  const { t } = useI18n();
  if (!signing && !urgeCount) return null;
  const asked = signing?.mode === 'parallel' && signing.open && signing.signers.some((s) => s.userId === myId && s.state === 'active');
  const how = signing ? (signing.mode === 'parallel' ? t(`verbs.policy.${signing.policy ?? 'all'}`) : t(`verbs.mode.${signing.mode}`)) : '';
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="task-signing"
      message={
        signing
          ? `${t('verbs.round')}（${how}）· ${signing.open ? t('verbs.roundOpen') : t('verbs.roundDone')}${
              signing.outcome ? ` · ${t(`verbs.outcome.${signing.outcome}`)}` : ''
            }`
          : t('verbs.urgeCount', { count: urgeCount ?? 0 })
      }
      description={
        signing ? (
          <div>
            {signing.signers.map((s) => (
              <div key={s.userId} data-testid="task-signer">
                {s.displayName} <Tag color={COLOR[s.state]}>{t(`verbs.state.${s.state}`)}</Tag>
                {s.opinion ?? ''}
              </div>
            ))}
            {!!urgeCount && <div data-testid="task-urge-count">{t('verbs.urgeCount', { count: urgeCount })}</div>}
            {asked && <CoSignVote taskId={taskId} onVoted={onVoted} />}
          </div>
        ) : undefined
      }
    />
  );
}
