import { Alert, Skeleton } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { answersOf, type Answer } from './answers';
import { useFormDefinition } from './useFormDefinition';
import './answers.css';

export interface AnswersViewProps {
  formKey: string;
  formVersion: number;
  data: Record<string, unknown>;
  /** Shown when the form version can no longer be loaded. */
  unavailableText: string;
}

function Lines({ answers }: { answers: Answer[] }) {
  const { t } = useI18n();
  return (
    <dl className="kcbx-answers">
      {answers.map((a) => (
        <div className="kcbx-answer" key={a.path} data-field={a.path}>
          <dt>{a.label}</dt>
          <dd>
            {a.rows ? (
              a.rows.length ? (
                a.rows.map((row, i) => (
                  <div className="kcbx-answer-row" key={i}>
                    {row
                      .filter((r) => r.text)
                      .map((r) => `${r.label}：${r.text}`)
                      .join('；')}
                  </div>
                ))
              ) : (
                <span className="kcbx-unanswered">{t('answers.none')}</span>
              )
            ) : a.text ? (
              a.text
            ) : (
              <span className="kcbx-unanswered">{t('answers.none')}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A submitted form as label: value text, drawn with the exact form version it was filled in. */
export function AnswersView({ formKey, formVersion, data, unavailableText }: AnswersViewProps) {
  const { lang } = useI18n();
  const { definition, failed } = useFormDefinition(formKey, formVersion);
  if (failed) return <Alert type="warning" showIcon message={unavailableText} />;
  if (!definition) return <Skeleton active paragraph={{ rows: 2 }} />;
  return <Lines answers={answersOf(definition, data, lang)} />;
}
