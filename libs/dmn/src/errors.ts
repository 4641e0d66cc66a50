/** Why a decision could not be read or decided. Codes are stable; the host maps them to its messages. */
export type DmnErrorCode =
  | 'DMN_INVALID' // the XML is not DMN 1.3, or a table breaks a rule of the standard
  | 'DMN_TOO_LARGE' // over the bounds a county's table needs (rules, inputs, outputs, decisions)
  | 'DMN_DECISION_MISSING' // no decision with that id
  | 'DMN_EXPRESSION_FAILED' // an input expression, entry or literal expression could not be evaluated
  | 'DMN_HIT_POLICY_VIOLATED'; // UNIQUE or ANY with several differing matches

export class DmnError extends Error {
  constructor(
    readonly code: DmnErrorCode,
    message: string,
    /** the decision and, where known, the rule (1-based, as modelers number them) */
    readonly where: { decisionId?: string; rule?: number } = {},
  ) {
    super(message);
    this.name = 'DmnError';
  }
}
