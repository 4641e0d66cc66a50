import type { retentionZh } from './retention';

export const retentionEn: Record<keyof typeof retentionZh, string> = {
  'retention.title': 'History retention',
  'retention.intro':
    "Once a finished (completed or terminated) case is older than the retention period, the daily cleanup removes its runtime details (variables, waits, resolved incidents, internal history). The student file (forms, decisions, returns, comments, attachments, the case timeline), the ledgers and the student's status history are always kept; open cases are not touched.",
  'retention.period': 'Retention period',
  'retention.periodValue': '{period} (county parameter historyRetention)',
  'retention.periodDefault': '{period} (no county parameter: the default)',
  'retention.invalid': 'The county parameter historyRetention is wrong, so the cleanup is paused: {problem}',
  'retention.day': 'Day',
  'retention.cutoff': 'Cases finished before',
  'retention.status': 'Status',
  'retention.done': 'done',
  'retention.running': 'running',
  'retention.failed': 'failed',
  'retention.instances': 'Cases',
  'retention.removed': 'Rows removed',
  'retention.empty': 'No cleanup yet',
};
