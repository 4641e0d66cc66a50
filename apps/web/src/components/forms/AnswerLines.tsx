import type { FormDefinition } from '@kcbx/forms';
import { useI18n } from '../../i18n/i18n';
import { answersOf } from './answers';

/**
 * A submitted form's answers as a list of label: value lines. Its own chunk (AnswersView loads it): the text of
 * an answer comes from the form libraries (field kinds, option labels, masked ID numbers), which a page that
 * only reads answers should not wait for before it draws the rest (issue #19).
 */
export default function AnswerLines({ definition, data }: { definition: FormDefinition; data: Record<string, unknown> }) {
  const { t, lang } = useI18n();
  const answers = answersOf(definition, data, lang);
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
