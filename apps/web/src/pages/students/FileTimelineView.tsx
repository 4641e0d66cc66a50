import { Button, Empty, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadAttachment } from '../../api/attachments';
import { AnswersView } from '../../components/forms/AnswersView';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import type { FileEvent, FileEventKind } from './fileTimeline';

const COLORS: Record<FileEventKind, string> = {
  started: 'blue',
  ended: 'green',
  terminated: 'gray',
  step: 'blue',
  return: 'red',
  comment: 'gray',
  attachment: 'gray',
  action: 'orange',
};

const TITLES: Record<FileEventKind, MessageKey> = {
  started: 'students.event.started',
  ended: 'students.event.ended',
  terminated: 'students.event.terminated',
  step: 'students.event.step',
  return: 'students.event.return',
  comment: 'students.event.comment',
  attachment: 'students.event.attachment',
  action: 'verbs.fileAction',
};

function formatSize(bytes: number | undefined): string {
  if (!bytes) return '';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The file's history: each line says what happened, in which procedure, by whom and when; forms as label: value text. */
export function FileTimelineView({ events, onError }: { events: FileEvent[]; onError(e: unknown): void }) {
  const { t, formatDateTime } = useI18n();
  if (events.length === 0) return <Empty description={t('students.file.noEvents')} />;
  return (
    <Timeline
      data-testid="file-timeline"
      items={events.map((e) => ({
        key: e.key,
        color: COLORS[e.kind],
        children: (
          <div className="kcbx-file-event" data-testid="file-event" data-kind={e.kind}>
            <div>
              <Typography.Text type="secondary">{e.at ? formatDateTime(e.at) : ''}</Typography.Text>
              {e.processName && (
                <Tag style={{ marginInlineStart: 8 }} color="blue">
                  {e.processName}
                </Tag>
              )}
              <strong>{t(TITLES[e.kind], { process: e.processName, step: e.stepName ?? '', name: e.attachment?.name ?? '' })}</strong>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {t('students.event.who', { name: e.who ?? t('students.event.system') })}
              </Typography.Text>
            </div>
            {e.kind === 'return' && e.text && <div className="kcbx-file-text">{t('students.event.returnReason', { reason: e.text })}</div>}
            {e.kind === 'comment' && e.text && <div className="kcbx-file-text">{e.text}</div>}
            {e.kind === 'attachment' && e.attachment && (
              <div className="kcbx-file-text">
                {formatSize(e.attachment.size)}
                <Button
                  type="link"
                  size="small"
                  className="kcbx-no-print"
                  icon={<DownloadOutlined />}
                  onClick={() => e.attachment && void downloadAttachment(e.attachment.id, e.attachment.name).catch(onError)}
                >
                  {t('students.file.download')}
                </Button>
              </div>
            )}
            {e.submission && (
              <div className="kcbx-file-form">
                <AnswersView
                  formKey={e.submission.formKey}
                  formVersion={e.submission.formVersion}
                  data={e.submission.data}
                  unavailableText={t('students.file.formUnavailable', { key: e.submission.formKey, version: e.submission.formVersion })}
                />
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
