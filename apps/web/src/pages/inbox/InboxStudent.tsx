import type { InboxTask } from '@kcbx/api-contract';
import { Typography } from 'antd';
import { studentOf } from './inboxRow';

/** Who the case is about: name, masked ID number (6…4) and school, each only when known. */
export function InboxStudent({ task }: { task: InboxTask }) {
  const s = studentOf(task);
  if (!s.name) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span className="kcbx-student" data-testid="inbox-student">
      <strong>{s.name}</strong>
      {s.id && <span className="kcbx-muted"> {s.id}</span>}
      {s.school && <div className="kcbx-muted">{s.school}</div>}
    </span>
  );
}
