import { Alert, List, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';

export interface ShownProblem {
  elementId?: string;
  line?: number;
  text: string;
}

/** The result of a validation: every problem, each one selecting its element when clicked. */
export function ProblemsList({ problems, onSelect }: { problems: ShownProblem[] | null; onSelect: (elementId: string) => void }) {
  const { t } = useI18n();
  if (problems === null) return null;
  if (problems.length === 0) return <Alert type="success" showIcon message={t('modeler.valid')} data-testid="modeler-valid" />;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="modeler-problems"
      message={t('modeler.problems', { count: problems.length })}
      description={
        <List
          size="small"
          dataSource={problems}
          renderItem={(p) => (
            <List.Item
              style={{ cursor: p.elementId ? 'pointer' : undefined, padding: '2px 0' }}
              onClick={() => p.elementId && onSelect(p.elementId)}
              data-element-id={p.elementId}
            >
              <Typography.Text>
                {p.text}
                {p.line ? <Typography.Text type="secondary">（{t('modeler.line', { line: p.line })}）</Typography.Text> : null}
              </Typography.Text>
            </List.Item>
          )}
        />
      }
    />
  );
}
