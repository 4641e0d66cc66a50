import { useCallback, useMemo } from 'react';
import { App, Button, Card, Col, Grid, Row, Skeleton } from 'antd';
import { Result } from '../../shell/LazyResult';
import { useNavigate, useParams } from 'react-router-dom';
import { textIn } from '@kcbx/forms';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useShowError } from '../../util/useShowError';
import { EarlierSteps } from './EarlierSteps';
import { ReturnedNotice } from './ReturnedNotice';
import { returnTargets } from './returnTargets';
import { SigningPanel } from './SigningPanel';
import { TaskActions } from './TaskActions';
import { TaskComments } from './TaskComments';
import { TaskDiagramCard } from './TaskDiagramCard';
import { TaskForm } from './TaskForm';
import { TaskHeader } from './TaskHeader';
import { useInstanceDiagram } from './useInstanceDiagram';
import { useTask } from './useTask';

/**
 * One step of a case: what it is about, the form to fill with this step's permissions, the earlier steps'
 * forms read-only, comments, and the diagram with the current step highlighted.
 */
export default function TaskPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  // Below a desk's width the page is one column and the form comes first: what the clerk came to do.
  const desk = Grid.useBreakpoint().xl === true;

  // 409: someone else finished or holds it — say so and go back to the inbox rather than show a dead form.
  const tooLate = useCallback(() => {
    void message.warning(t('tasks.tooLate'));
    navigate('/inbox');
  }, [message, t, navigate]);
  const { task, missing, reload } = useTask(id, tooLate);
  const diagram = useInstanceDiagram(task?.instanceId);
  const targets = useMemo(
    () => (task ? returnTargets(task, diagram.instance, diagram.names.steps) : []),
    [task, diagram.instance, diagram.names],
  );

  if (missing) {
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

  /** Back to the inbox, saying why when there is something to say. */
  const backToInbox = (said?: string) => () => {
    if (said) void message.success(said);
    navigate('/inbox');
  };
  // 会签 / 或签: a co-signer opens the step to read the case and vote, never to work it (the holder keeps it)
  const coSigning =
    task.assignee !== me.id &&
    task.signing?.mode === 'parallel' &&
    task.signing.open &&
    task.signing.signers.some((s) => s.userId === me.id && s.state === 'active');
  const actions = coSigning ? null : (
    <TaskActions task={task} myId={me.id} returnTargets={targets} onChanged={reload} onGone={backToInbox()} onError={showError} />
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
      <TaskForm key={task.id} task={task} onCompleted={backToInbox(t('tasks.submitted'))} onTooLate={tooLate} onError={showError} />
    </Card>
  );

  return (
    <>
      <PageTitle>{task.name ?? task.activityId}</PageTitle>
      {desk ? header : actions && <div className="kcbx-task-actions">{actions}</div>}
      <ReturnedNotice task={task} instance={diagram.instance} />
      <SigningPanel
        signing={task.signing}
        urgeCount={task.urgeCount}
        taskId={task.id}
        myId={me.id}
        onVoted={backToInbox(t('verbs.vote.done'))}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {!coSigning && form}
          {!desk && <div style={{ marginTop: 16 }}>{header}</div>}
          <Card size="small" title={t('tasks.earlier')} style={{ marginTop: desk ? 16 : 0 }}>
            <EarlierSteps steps={task.earlierSteps} stepNames={diagram.names.steps} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <TaskDiagramCard task={task} diagram={diagram} />
          <Card size="small" title={t('tasks.comments')} style={{ marginTop: 16 }}>
            <TaskComments taskId={task.id} onError={showError} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
