import type { ProcessInstance } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/errors';
import { workflowApi } from '../../api/workflow';
import { fieldProblems, type FieldProblem } from '../../components/forms/ServerErrors';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';
import type { StartCaseValues } from './StartCaseFields';

/**
 * Starts the case and goes on to its first step if that waits for this user, else the student's file, else the
 * inbox. A refusal naming fields goes to the student and unit fields it names; the rest is `problems`.
 */
export function useStartCase(processKey: string, procedureName: string, form: FormInstance<StartCaseValues>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  const goToNext = async (instance: ProcessInstance, studentId?: string) => {
    const inbox = await api.inbox({ scope: 'all' }, 1, 200).catch(() => null);
    const first = inbox?.items.find((task) => task.instanceId === instance.id);
    if (first) navigate(`/tasks/${first.id}`);
    else if (studentId) navigate(`/students/${studentId}`);
    else navigate('/inbox');
  };

  const start = async (data?: Record<string, unknown>) => {
    const { studentId, orgUnit } = await form.validateFields();
    setBusy(true);
    setProblems([]);
    try {
      const instance = await workflowApi.start(processKey, { studentId, orgUnit, ...(data ? { data } : {}) });
      void message.success(t('tasks.start.started', { name: procedureName }));
      await goToNext(instance, studentId);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && fieldProblems(e.details).length) {
        const all = fieldProblems(e.details);
        const own = (p: FieldProblem) => /^\/?(studentId|orgUnit)$/.test(p.field ?? '');
        form.setFields(
          all.filter(own).map((p) => ({ name: (p.field ?? '').replace(/^\//, '') as 'studentId' | 'orgUnit', errors: [p.message] })),
        );
        setProblems(all.filter((p) => !own(p)));
      } else showError(e);
    } finally {
      setBusy(false);
    }
  };

  return { start, busy, problems };
}
