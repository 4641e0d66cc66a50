import type { TaskDetail } from '@kcbx/api-contract';
import { useMemo, useRef, useState } from 'react';
import { Alert, Button } from 'antd';
import { FormRenderer } from '@kcbx/form-renderer';
import { ApiError } from '../../api/errors';
import { workflowApi } from '../../api/workflow';
import { apiRegionSource, attachmentUploader, readSheet } from '../../components/forms/formServices';
import { fieldProblems, ServerErrors, type FieldProblem } from '../../components/forms/ServerErrors';
import { noEnterSubmit } from '../../components/forms/noEnterSubmit';
import { submitInnerForm } from '../../components/forms/submitInnerForm';
import { useServerFieldErrors } from '../../components/forms/useServerFieldErrors';
import { useI18n } from '../../i18n/i18n';

export interface TaskFormProps {
  task: TaskDetail;
  /** The step is done: leave the page. */
  onCompleted(): void;
  /** Someone else completed or holds the task (409). */
  onTooLate(): void;
  onError(e: unknown): void;
}

/**
 * The step's form with the step's field permissions, and the one 提交 button. The renderer checks the data in
 * the browser first (same validator as the server); a 400 from the server lists its field errors above.
 */
export function TaskForm({ task, onCompleted, onTooLate, onError }: TaskFormProps) {
  const { t, lang } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const uploadFile = useMemo(() => attachmentUploader(task.orgUnit), [task.orgUnit]);
  useServerFieldErrors(box, problems);

  const complete = async (data: Record<string, unknown>) => {
    setBusy(true);
    setProblems([]);
    try {
      await workflowApi.complete(task.id, data);
      onCompleted();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onTooLate();
      else if (e instanceof ApiError && e.status === 400 && fieldProblems(e.details).length) setProblems(fieldProblems(e.details));
      else onError(e);
    } finally {
      setBusy(false);
    }
  };

  // The renderer owns the <form> and its submit handling (validation, showing errors at the fields);
  // our button submits that form so the page keeps one labelled, testable 提交 button.
  const submit = () => submitInnerForm(box.current, () => void complete({}));

  return (
    <div ref={box} className="kcbx-own-submit" data-testid="task-form" onKeyDown={noEnterSubmit}>
      <ServerErrors title={t('tasks.fieldErrors')} problems={problems} />
      {task.form ? (
        <FormRenderer
          definition={task.form}
          data={task.formData ?? task.data}
          permissions={task.fieldPermissions}
          mode="edit"
          locale={lang}
          onSubmit={complete}
          regionSource={apiRegionSource}
          upload={uploadFile}
          readSheet={readSheet}
        />
      ) : (
        <Alert type="info" showIcon message={t('tasks.noForm')} style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" loading={busy} onClick={submit} data-testid="task-complete">
        {t('tasks.submit')}
      </Button>
    </div>
  );
}
