import { evaluate, parseExpression } from 'feelin';
import { createContext, Script } from 'node:vm';
import { ExpressionBudgetError } from './expression-error';

/**
 * FEEL written by modelers runs with a budget, so one expression cannot hold the process or fill its memory
 * (`count(for i in 1..100000000 return i)` took 5 GB and never ended).
 *
 * How: feelin is an interpreter with no hooks to count steps, so the budget is kept from outside, in three parts.
 * 1. Each distinct expression is parsed once (cached) and classified. A literal iteration range longer than
 *    MAX_RANGE_ITEMS is refused before anything runs — the common mistake, answered at once with its size.
 * 2. Only expressions with a construct that repeats work — `for`, `some`/`every`, function definitions (the one
 *    way to recurse), the regular-expression functions (matches, replace, split: backtracking) — can run long.
 *    They are evaluated under `vm`'s timeout: a watchdog thread terminates the JavaScript running in the call when
 *    the budget is spent, wherever it is inside feelin, and the evaluation fails with ExpressionBudgetError.
 *    Memory is bounded by the same clock (feelin allocates at most a few tens of MB in the budget).
 * 3. Every other expression runs directly: nothing in it repeats, so its cost is linear in its own length and in
 *    the data it reads, which the host bounds. The timeout costs a thread start per call, about as much as the
 *    evaluation itself, so the plain conditions and mappings that make up almost all evaluations do not pay it.
 * A worker thread with a memory limit was the alternative: it would cost a structured copy of every visible
 * variable per evaluation and turn the synchronous evaluation the runtime relies on into a message round trip.
 */
export const FEEL_BUDGET_MS = 250;
export const MAX_RANGE_ITEMS = 100_000;

const LOOPING = new Set(['ForExpression', 'QuantifiedExpression', 'FunctionDefinition']);
const REGEX_FUNCTIONS = new Set(['matches', 'replace', 'split']);

/**
 * How an expression runs, and the variable names it reads: feelin converts every context entry it is given
 * (deeply) before it evaluates, so a mapping like `=item.problem` next to a 2,000-row `items` list would pay for
 * the list on each of the 2,000 items. Only the names the expression mentions are handed over.
 */
type Plan = ({ kind: 'direct' } | { kind: 'timed' } | { kind: 'refused'; reason: string }) & { names?: Set<string> };

const plans = new Map<string, Plan>();
const PLAN_CACHE_SIZE = 2_000;

function plan(expression: string, vars: Record<string, unknown>): Plan {
  let found = plans.get(expression);
  if (!found) {
    found = classify(expression, vars);
    if (plans.size >= PLAN_CACHE_SIZE) plans.clear();
    plans.set(expression, found);
  }
  return found;
}

function classify(expression: string, vars: Record<string, unknown>): Plan {
  let timed = false;
  let refused: string | null = null;
  const names = new Set<string>();
  // A syntax error is left to evaluate(), which reports it with its position.
  const tree = parseExpression(expression, vars, undefined);
  tree.iterate({
    enter(node) {
      if (node.name === 'VariableName') names.add(expression.slice(node.from, node.to).trim());
      if (LOOPING.has(node.name)) timed = true;
      if (node.name === 'FunctionInvocation') {
        const callee = node.node.firstChild;
        if (callee && REGEX_FUNCTIONS.has(expression.slice(callee.from, callee.to).trim())) timed = true;
      }
      if (node.name === 'IterationContext') {
        const [from, to] = [node.node.firstChild, node.node.lastChild];
        if (from?.name === 'NumericLiteral' && to?.name === 'NumericLiteral' && from.from !== to.from) {
          const items = Math.abs(Number(expression.slice(to.from, to.to)) - Number(expression.slice(from.from, from.to))) + 1;
          if (items > MAX_RANGE_ITEMS) {
            refused ??= `range ${expression.slice(from.from, to.to)} has ${items} items; at most ${MAX_RANGE_ITEMS} may be iterated`;
          }
        }
      }
    },
  });
  if (refused) return { kind: 'refused', reason: refused };
  return timed ? { kind: 'timed', names } : { kind: 'direct', names };
}

/**
 * The variables the expression names, plus any whose name has a space or other non-identifier character (FEEL
 * reads such names only when it knows them, so they are always handed over).
 */
function referenced(vars: Record<string, unknown>, names: Set<string> | undefined): Record<string, unknown> {
  if (!names) return vars;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(vars)) if (names.has(key) || !SIMPLE_NAME.test(key)) picked[key] = vars[key];
  return picked;
}
const SIMPLE_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

const sandbox = createContext({ evaluation: (): unknown => undefined });
const callEvaluation = new Script('evaluation()');

/**
 * vm's timeout is wall-clock time: on a busy server (a backup, a report, another process on the same cores) a
 * cheap `for` over a few items can be held off the processor past 250 ms and would end in an incident someone must
 * retry by hand. So an overrun only counts when the process really worked for most of the budget; otherwise the
 * evaluation runs again with a longer wall-clock allowance, up to BUSY_ATTEMPTS times.
 */
const BUSY_ATTEMPTS = 3;

/** processor time the process spent since `since` (all its threads: an upper bound for this evaluation's) */
function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function runTimed(expression: string, context: Record<string, unknown>, timeout: number): ReturnType<typeof evaluate> {
  let result: ReturnType<typeof evaluate> | undefined;
  sandbox.evaluation = () => {
    result = evaluate(expression, context);
  };
  try {
    callEvaluation.runInContext(sandbox, { timeout });
  } finally {
    sandbox.evaluation = () => undefined;
  }
  return result!;
}

const isTimeout = (error: unknown) => (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';

/** feelin's evaluate, within the budget; throws ExpressionBudgetError when it is exceeded */
export function evaluateWithBudget(expression: string, vars: Record<string, unknown>): ReturnType<typeof evaluate> {
  const how = plan(expression, vars);
  if (how.kind === 'refused') throw new ExpressionBudgetError(`FEEL "${expression}": ${how.reason}`);
  const context = referenced(vars, how.names);
  if (how.kind === 'direct') return evaluate(expression, context);
  for (let attempt = 1; ; attempt++) {
    const started = process.cpuUsage();
    try {
      return runTimed(expression, context, FEEL_BUDGET_MS * attempt);
    } catch (error) {
      if (!isTimeout(error)) throw error;
      if (attempt === BUSY_ATTEMPTS || cpuMsSince(started) >= FEEL_BUDGET_MS / 2) {
        throw new ExpressionBudgetError(
          `FEEL "${expression}" ran longer than its budget of ${FEEL_BUDGET_MS} ms (a loop over too many items?)`,
        );
      }
    }
  }
}
