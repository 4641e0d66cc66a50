import type { ProcessDefinition, ProcessInstance, StartForm, Student } from '@kcbx/api-contract';
import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Card, Form, Result, Skeleton, Typography } from 'antd';
import type { FormDefinition } from '@kcbx/forms';
import { FormRenderer } from '@kcbx/form-renderer';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/errors';
import { workflowApi } from '../../api/workflow';
import { useAuth } from '../../auth/auth';
import { apiRegionSource, attachmentUploader, readSheet } from '../../components/forms/formServices';
import { fieldProblems, ServerErrors, type FieldProblem } from '../../components/forms/ServerErrors';
import { noEnterSubmit } from '../../components/forms/noEnterSubmit';
import { submitInnerForm } from '../../components/forms/submitInnerForm';
import { useServerFieldErrors } from '../../components/forms/useServerFieldErrors';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { buildOrgTree } from '../../util/orgTree';
import { useOrgUnits } from '../../util/useOrgUnits';
import { useShowError } from '../../util/useShowError';
import { StudentPicker } from '../students/StudentPicker';

interface Setup {
  definition: ProcessDefinition | null;
  startForm: FormDefinition | null;
}

/** The start-form endpoint answers with the form itself or wrapped; no start form at all is not an error. */
function startFormOf(r: StartForm | FormDefinition | null): FormDefinition | null {
  if (!r) return null;
  if ('schema' in r) return r;
  return r.form ?? null;
}

/** The unit code of a student's school: the last code of its org path (/640422/640422100/64042210001/). */
export function schoolCode(s: Student): string | undefined {
  return s.schoolPath.split('/').filter(Boolean).pop();
}

/** Starts one procedure: its start form (if any), the student it is about and the unit that handles it. */
export function StartProcedure({ processKey }: { processKey: string }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const { units } = useOrgUnits();
  const tree = useMemo(() => buildOrgTree(units), [units]);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [form] = Form.useForm<{ studentId?: string; orgUnit?: string }>();
  const box = useRef<HTMLDivElement>(null);
  // Files of a start form are filed under the user's own unit (the case's unit is not chosen yet when picking).
  const uploadFile = useMemo(() => attachmentUploader(me?.roles[0]?.orgUnit.code), [me]);
  useServerFieldErrors(box, problems);

  useEffect(() => {
    const list = workflowApi
      .startable()
      .catch((e) => (e instanceof ApiError && e.status === 404 ? workflowApi.definitions() : Promise.reject(e)));
    const startForm = workflowApi
      .startForm(processKey)
      .catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e)));
    Promise.all([list, startForm])
      .then(([defs, sf]) => {
        const definition = defs.find((d) => d.key === processKey) ?? null;
        if (!definition) setMissing(true);
        else setSetup({ definition, startForm: startFormOf(sf) });
      })
      .catch(showError);
  }, [processKey, showError]);

  useEffect(() => {
    const own = me?.roles[0]?.orgUnit.code;
    if (own && !form.getFieldValue('orgUnit')) form.setFieldValue('orgUnit', own);
  }, [me, form]);

  /** After starting: the first step if it waits for this user, else the student's file, else the inbox. */
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
      void message.success(t('tasks.start.started', { name: setup?.definition?.name ?? processKey }));
      await goToNext(instance, studentId);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && fieldProblems(e.details).length) {
        // The student and the unit have their own fields here: the server's message goes to the field it names.
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

  if (missing) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('tasks.start.notFound')}
        extra={<Button onClick={() => navigate('/start')}>{t('tasks.start.back')}</Button>}
      />
    );
  }
  if (!setup) return <Skeleton active />;

  return (
    <>
      <PageTitle>{setup.definition?.name ?? processKey}</PageTitle>
      <Card size="small" style={{ maxWidth: 860 }}>
        <Form form={form} layout="vertical">
          <Form.Item
            name="studentId"
            label={t('tasks.start.student')}
            extra={t('tasks.start.studentHint')}
            // A procedure about a student (the server says so) cannot start without one; others may.
            rules={
              setup.definition?.requiresStudent || setup.definition?.subject === 'student'
                ? [{ required: true, message: t('tasks.start.studentRequired') }]
                : []
            }
            data-testid="start-student"
          >
            <StudentPicker
              placeholder={t('tasks.start.studentPlaceholder')}
              onChange={(id, student) => {
                form.setFieldValue('studentId', id);
                const code = student && schoolCode(student);
                if (code) form.setFieldValue('orgUnit', code);
              }}
            />
          </Form.Item>
          <Form.Item
            name="orgUnit"
            label={t('tasks.start.unit')}
            extra={t('tasks.start.unitHint')}
            rules={[{ required: true, message: t('tasks.start.unitRequired') }]}
          >
            <UnitTreeSelect treeData={tree} showSearch treeNodeFilterProp="title" data-testid="start-unit" />
          </Form.Item>
        </Form>
        <ServerErrors title={t('tasks.fieldErrors')} problems={problems} />
        {setup.startForm && (
          <>
            <Typography.Title level={5}>{t('tasks.start.startForm')}</Typography.Title>
            <div ref={box} className="kcbx-own-submit" data-testid="start-form" onKeyDown={noEnterSubmit}>
              <FormRenderer
                definition={setup.startForm}
                mode="edit"
                locale={lang}
                onSubmit={(data) => start(data).catch(() => undefined)}
                regionSource={apiRegionSource}
                upload={uploadFile}
                readSheet={readSheet}
              />
            </div>
          </>
        )}
        <Button
          type="primary"
          loading={busy}
          onClick={() => submitInnerForm(box.current, () => void start().catch(() => undefined))}
          data-testid="start-submit"
        >
          {t('tasks.start.submit')}
        </Button>
      </Card>
    </>
  );
}
