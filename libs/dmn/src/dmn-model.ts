/**
 * The part of a DMN 1.3 model the engine decides with: decision tables and literal expressions, each with the
 * decisions it requires. Built from dmn-moddle's element tree by parse-dmn.ts; nothing here depends on it.
 */
export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface TableInput {
  label: string | null;
  /** FEEL, evaluated against the decision's variables */
  expression: string;
}

export interface TableOutput {
  name: string;
  label: string | null;
  /** the output values in priority order (PRIORITY and OUTPUT ORDER), as FEEL literals already evaluated */
  priority: unknown[] | null;
}

export interface TableRule {
  /** FEEL unary tests, one per input; "-" or "" matches anything */
  inputEntries: string[];
  /** FEEL expressions, one per output; "" gives null */
  outputEntries: string[];
  description: string | null;
}

export interface DecisionTable {
  kind: 'table';
  hitPolicy: HitPolicy;
  aggregation: Aggregation | null;
  inputs: TableInput[];
  outputs: TableOutput[];
  rules: TableRule[];
}

export interface LiteralDecision {
  kind: 'literal';
  expression: string;
  variable: string;
}

export interface Decision {
  id: string;
  name: string;
  /** ids of decisions whose results this one reads (by their id, as Camunda 8 does) */
  requires: string[];
  logic: DecisionTable | LiteralDecision;
}

export interface DmnModel {
  id: string;
  name: string;
  decisions: Map<string, Decision>;
}

/** Bounds that keep one evaluation short whatever a modeler uploads. */
export const DMN_LIMITS = { decisions: 200, rules: 2_000, inputs: 50, outputs: 50, entryLength: 4_000 } as const;
