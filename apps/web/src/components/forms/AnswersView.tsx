import { lazy, Suspense, useEffect } from 'react';
import { Alert, Skeleton } from 'antd';
import { useFormDefinition } from './useFormDefinition';
import './answers.css';

// Asked for beside the definition, so the two download side by side.
const loadAnswerLines = () => import('./AnswerLines');
const AnswerLines = lazy(loadAnswerLines);

export interface AnswersViewProps {
  formKey: string;
  formVersion: number;
  data: Record<string, unknown>;
  /** Shown when the form version can no longer be loaded. */
  unavailableText: string;
}

/** A submitted form as label: value text, drawn with the exact form version it was filled in. */
export function AnswersView({ formKey, formVersion, data, unavailableText }: AnswersViewProps) {
  const { definition, failed } = useFormDefinition(formKey, formVersion);
  useEffect(() => void loadAnswerLines().catch(() => undefined), []);
  if (failed) return <Alert type="warning" showIcon message={unavailableText} />;
  const waiting = <Skeleton active paragraph={{ rows: 2 }} />;
  if (!definition) return waiting;
  return (
    <Suspense fallback={waiting}>
      <AnswerLines definition={definition} data={data} />
    </Suspense>
  );
}
