/** One message to one user, whatever carries it (in-app row, SMS, WeCom). */
export interface OutgoingNotification {
  tenantId: string;
  userId: string;
  /** `task-available` | `task-overdue` | `ledger-signed-off` | … */
  kind: string;
  taskId: string | null;
  instanceId: string | null;
  title: string;
  message: string;
}
