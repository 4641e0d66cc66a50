export { DMN_LIMITS, type Decision, type DecisionTable, type DmnModel, type HitPolicy, type LiteralDecision } from './dmn-model';
export { DmnError, type DmnErrorCode } from './errors';
export { evaluateDecision, type DecisionResult, type FeelFunctions } from './evaluate-decision';
export { parseDmn } from './parse-dmn';
