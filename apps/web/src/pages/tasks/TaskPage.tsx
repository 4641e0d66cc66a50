import type { TaskDetail } from '@kcbx/api-contract';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Grid, Result, Row, Skeleton, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { textIn } from '@kcbx/forms';
import { ApiError } from '../../api/errors';
import { workflowApi } from '../../api/workflow';
import { useAuth } from '../../auth/auth';
import { ProcessDiagram } from '../../components/ProcessDiagram';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useShowError } from '../../util/useShowError';
import { EarlierSteps } from './EarlierSteps';
import { TaskActions } from './TaskActions';
import { TaskComments } from './TaskComments';
import { TaskForm } from './TaskForm';
import { SigningPanel } from './SigningPanel';
import { TaskHeader } from './TaskHeader';
import { returnInto } from './returnNotice';
import { useInstanceDiagram } from './useInstanceDiagram';

type Load = { state: 'loading' } | { state: 'ready'; task: TaskDetail } | { state: 'missing' };

/**
 * One step of a case: what it is about, the form to fill with this step's permissions, the earlier steps'
 * forms read-only, comments, and the diagram with the current step highlighted.
 */
export default function TaskPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const { t, lang, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  // Below a desk's width the page is one column and the form comes first: what the clerk came to do.
  const desk = Grid.useBreakpoint().xl === true;

  // 409: someone else finished or holds it — say so and go back to the inbox rather than show a dead form.
  const tooLate = useCallback(() => {
    void message.warning(t('tasks.tooLate'));
    navigate('/inbox');
  }, [message, t, navigate]);

  const reload = useCallback(() => {
    workflowApi
      .task(id)
      .then((task) => setLoad({ state: 'ready', task }))
      .catch((e) => {
        if (e instanceof ApiError && e.status === 409) tooLate();
        else if (e instanceof ApiError && e.status === 404) setLoad({ state: 'missing' });
        else showError(e);
      });
  }, [id, tooLate, showError]);
  useEffect(reload, [reload]);

  const task = load.state === 'ready' ? load.task : null;
  const diagram = useInstanceDiagram(task?.instanceId);
  const returnTargets = useMemo(() => {
    if (!task) return [];
    // Steps done before in this case (formless ones too, from the history), newest first: where a return can go.
    const done = diagram.instance
      ? diagram.instance.history
          .filter((h) => h.type === 'task-completed' && h.elementId)
          .map((h) => h.elementId as string)
          .reverse()
      : [...task.earlierSteps].reverse().map((s) => s.activityId);
    const ids = [...new Set(done)].filter((a) => a !== task.activityId);
    return ids.map((a) => ({ id: a, name: diagram.names.steps[a] ?? a }));
  }, [task, diagram.instance, diagram.names]);

  if (load.state === 'missing') {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('tasks.notFound')}
        extra={<Button onClick={() => navigate('/inbox')}>{t('tasks.backToInbox')}</Button>}
      />
    );
  }
  if (!task || !me) return <Skeleton active />;

  const completed = () => {
    void message.success(t('tasks.submitted'));
    navigate('/inbox');
  };
  const gone = () => navigate('/inbox');
  const returned = diagram.instance ? returnInto(diagram.instance.history, task.activityId, task.createdAt) : null;

  // 会签 / 或签: a co-signer opens the step to read the case and vote, never to work it (the holder keeps it)
  const coSigning =
    task.assignee !== me.id &&
    task.signing?.mode === 'parallel' &&
    task.signing.open &&
    task.signing.signers.some((s) => s.userId === me.id && s.state === 'active');
  const voted = () => {
    void message.success(t('verbs.vote.done'));
    navigate('/inbox');
  };
  const actions = coSigning ? null : (
    <TaskActions task={task} myId={me.id} returnTargets={returnTargets} onChanged={reload} onGone={gone} onError={showError} />
  );
  const header = (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      extra={desk ? actions : undefined}
      title={diagram.names.process ?? task.processName ?? task.processKey}
    >
      <TaskHeader task={task} processName={diagram.names.process} myId={me.id} />
    </Card>
  );
  const form = (
    <Card size="small" title={(task.form && textIn(task.form.title, lang === 'en' ? 'en' : 'zh')) || t('tasks.form')}>
      {/* keyed by task only: claiming reloads the task, and what the clerk already typed must stay */}
      <TaskForm key={task.id} task={task} onCompleted={completed} onTooLate={tooLate} onError={showError} />
    </Card>
  );

  return (
    <>
      <PageTitle>{task.name ?? task.activityId}</PageTitle>
      {desk ? header : actions && <div className="kcbx-task-actions">{actions}</div>}
      {returned && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="task-returned-notice"
          message={t('tasks.returnedNotice', { reason: returned.reason })}
          description={t('tasks.returnedBy', { name: returned.by ?? '', at: formatDateTime(returned.at) })}
        />
      )}
      <SigningPanel signing={task.signing} urgeCount={task.urgeCount} taskId={task.id} myId={me.id} onVoted={voted} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {!coSigning && form}
          {!desk && <div style={{ marginTop: 16 }}>{header}</div>}
          <Card size="small" title={t('tasks.earlier')} style={{ marginTop: desk ? 16 : 0 }}>
            <EarlierSteps steps={task.earlierSteps} stepNames={diagram.names.steps} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={t('tasks.diagram')}
            extra={<Typography.Text type="secondary">{t('tasks.diagramLegend')}</Typography.Text>}
          >
            {diagram.xml ? (
              <ProcessDiagram
                height={260}
                xml={diagram.xml}
                activeIds={diagram.instance?.activeActivityIds ?? [task.activityId]}
                completedIds={diagram.completedIds}
                errorText={t('tasks.diagramError')}
              />
            ) : (
              <Skeleton active />
            )}
          </Card>
          <Card size="small" title={t('tasks.comments')} style={{ marginTop: 16 }}>
            <TaskComments taskId={task.id} onError={showError} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
