import type { EarlierStep } from '@kcbx/api-contract';
import { Collapse, Empty, Typography } from 'antd';
import { AnswersView } from '../../components/forms/AnswersView';
import { useI18n } from '../../i18n/i18n';

export interface EarlierStepsProps {
  steps: EarlierStep[];
  stepNames: Record<string, string>;
}

/** The answers of the steps before this one as text (label: value), newest first, each with who submitted it and when. */
export function EarlierSteps({ steps, stepNames }: EarlierStepsProps) {
  const { t, formatDateTime } = useI18n();
  if (steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.earlierNone')} />;
  const newestFirst = [...steps].reverse();
  return (
    <Collapse
      data-testid="earlier-steps"
      defaultActiveKey={['0']}
      items={newestFirst.map((s, i) => ({
        key: String(i),
        label: (
          <span>
            <strong>{s.stepName ?? stepNames[s.activityId] ?? s.activityId}</strong>
            <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
              {t('tasks.submittedBy', { name: s.submittedBy, at: formatDateTime(s.submittedAt) })}
            </Typography.Text>
          </span>
        ),
        children: (
          <AnswersView
            formKey={s.formKey}
            formVersion={s.formVersion}
            data={s.data}
            unavailableText={t('tasks.formVersion', { key: s.formKey, version: s.formVersion })}
          />
        ),
      }))}
    />
  );
}
