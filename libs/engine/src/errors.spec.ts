import { isErrorKey } from '@kcbx/api-contract';
import * as engine from './index';

/**
 * Hosts branch on an error's `code` (the API maps codes to its error catalogue and HTTP answers; incidents carry
 * the expression codes as their type), so the codes are part of the engine's contract: this list pins them.
 */
const everyError: [Error & { code: string }, string][] = [
  [new engine.ConcurrencyError('task', 't1'), 'CONCURRENT_MODIFICATION'],
  [new engine.NotFoundError('task', 't1'), 'NOT_FOUND'],
  [new engine.TaskNotActiveError('t1', 'completed'), 'TASK_NOT_ACTIVE'],
  [new engine.TaskAssignmentError('t1', 'wang'), 'TASK_ALREADY_CLAIMED'],
  [new engine.MessageNotCorrelatedError('documents-received', 'A-1'), 'MESSAGE_NOT_CORRELATED'],
  [new engine.ExternalTaskLockError('j1', 'worker-1'), 'EXTERNAL_TASK_NOT_LOCKED'],
  [new engine.MigrationError('other-process', { from: 'a', to: 'b' }, 'no'), 'MIGRATION_REFUSED'],
  [new engine.InvalidArgumentError('return-reason-required', {}, 'no'), 'INVALID_ARGUMENT'],
  [new engine.DeploymentError([]), 'DEPLOYMENT_REFUSED'],
  [new engine.XmlIntakeError('XML_TOO_LARGE', 'too large', { bytes: 2, max: 1 }), 'XML_TOO_LARGE'],
  [new engine.EngineError('ANY_CODE', 'x'), 'ANY_CODE'],
  [new engine.EngineFault('HANDLER_NOT_REGISTERED', 'no handler'), 'HANDLER_NOT_REGISTERED'],
  [new engine.ExpressionError('bad'), 'EXPRESSION_FAILED'],
  [new engine.ExpressionBudgetError('too long'), 'EXPRESSION_BUDGET_EXCEEDED'],
  [new engine.BpmnError('NO_LEDGER'), 'BPMN_ERROR'],
];

describe('engine error codes', () => {
  it.each(everyError.map(([error, code]) => [error.constructor.name, code, error]))(
    'given a %s, then its code is %s',
    (_name, code, error) => {
      expect((error as { code: string }).code).toBe(code);
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    },
  );

  it('given every error class the engine exports, then each is in the list above (so each has a stable code)', () => {
    const exported = (Object.values(engine) as unknown[]).filter(
      (value): value is typeof Error => typeof value === 'function' && value.prototype instanceof Error,
    );
    const listed = new Set<unknown>(everyError.map(([error]) => error.constructor));
    expect(exported.filter((cls) => !listed.has(cls)).map((cls) => cls.name)).toEqual([]);
  });

  const variants: engine.EngineError[] = [
    ...(['other-process'] as const).map((r) => new engine.MigrationError(r, {}, r)),
    ...(
      [
        'return-reason-required',
        'return-multi-instance',
        'return-step-not-done',
        'return-no-earlier-step',
        'return-other-scope',
        'instance-ended',
        'incident-resolved',
        'signal-name',
      ] as const
    ).map((r) => new engine.InvalidArgumentError(r, {}, r)),
    ...(['XML_TOO_LARGE', 'XML_NOT_XML', 'XML_DOCTYPE_REFUSED', 'XML_MALFORMED'] as const).map((c) => new engine.XmlIntakeError(c, c)),
  ];

  it('given every error a caller can receive, then its key (code or code/reason) is in the error catalogue', () => {
    const callerErrors = [...everyError.map(([error]) => error), ...variants].filter(
      (error): error is engine.EngineError => error instanceof engine.EngineError && error.code !== 'ANY_CODE',
    );
    expect(callerErrors.filter((error) => !isErrorKey(error.key)).map((error) => error.key)).toEqual([]);
  });
});
