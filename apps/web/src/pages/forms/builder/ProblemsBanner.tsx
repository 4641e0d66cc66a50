import { Alert } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import type { BuilderProblems } from './useBuilderProblems';

/** How many problems stand between the draft and publishing (each is also marked at its field); `refused`: the server said so. */
export function ProblemsBanner({ problems, refused }: { problems: BuilderProblems; refused: boolean }) {
  const { t } = useI18n();
  if (problems.count === 0) return null;
  return (
    <Alert
      type={refused ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="form-problems"
      message={t(refused ? 'forms.builder.refused' : 'forms.builder.problems', { count: problems.count })}
      description={problems.general.length ? problems.general.map((g, i) => <div key={i}>{g}</div>) : undefined}
    />
  );
}
