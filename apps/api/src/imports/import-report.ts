export interface RowProblem {
  row: number;
  field?: string;
  message: string;
}

export interface ImportReport {
  rows: number;
  accepted: number;
  unchanged: number;
  rejected: RowProblem[];
  dryRun: boolean;
}

/** Thrown inside an import transaction to roll back a dry run after the report is complete. */
export class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}
