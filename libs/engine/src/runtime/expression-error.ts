/** A FEEL expression failed or gave an unusable result; the runtime turns it into an incident of type `code`. */
export class ExpressionError extends Error {
  readonly code: string = 'EXPRESSION_FAILED';
}

/**
 * An expression would take more than its share: a literal range too long to iterate, or evaluation past its time
 * budget (feel-budget.ts). The token stops with an incident like any failed expression, so the author can fix the
 * model and retry, and the process (other users, other cases) is not held.
 */
export class ExpressionBudgetError extends ExpressionError {
  override readonly code = 'EXPRESSION_BUDGET_EXCEEDED';
}
