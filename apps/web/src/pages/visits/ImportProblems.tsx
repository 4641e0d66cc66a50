import { Alert } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { AssignmentProblem } from './visitsApi';

/** A refused list: every bad cell by row and column. */
export function ImportProblems({ problems, onClose }: { problems: AssignmentProblem[]; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      data-testid="visit-import-problems"
      message={t('visits.importRefused')}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {problems.map((p, i) => (
            <li key={i}>
              {t('visits.row', { row: p.row })} · {p.column}：{p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
