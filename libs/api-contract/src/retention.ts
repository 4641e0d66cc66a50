/** One county's history-retention cleanup (#18): what it removed of finished cases' engine runtime rows. */
export interface RetentionRunView {
  id: string;
  /** the UTC day the run belongs to (one run per county and day, whichever API process ran it) */
  day: string;
  /** the county parameter historyRetention in force, e.g. P3Y */
  retention: string;
  /** cases that ended before this lost their runtime rows */
  cutoff: string;
  status: 'running' | 'done' | 'failed';
  instances: number;
  /** rows removed per engine table (bpmn_variable, bpmn_execution, bpmn_job, bpmn_subscription, bpmn_incident, bpmn_history) */
  removed: Record<string, number>;
  runBy: string;
  startedAt: string;
  finishedAt: string | null;
}

/** GET /api/admin/retention: the period in force and the county's recent runs, newest first. */
export interface RetentionOverview {
  retention: string;
  /**
   * where the period comes from: the county's county-parameters model, the default (P3Y) when it names none, or
   * invalid — the model's value is not a period, and the cleanup removes nothing in the county until it is fixed
   */
  source: 'county-parameters' | 'default' | 'invalid';
  /** why the parameter is invalid (English, for the county's IT), else null */
  problem: string | null;
  runs: RetentionRunView[];
}
