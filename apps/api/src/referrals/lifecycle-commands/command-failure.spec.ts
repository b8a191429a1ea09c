import { ActivityFailure, ApplicationFailure, ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { RetryState } from '@temporalio/common';
import { toErrorBody } from '../../http/error-body';
import { commandFailureOf, failureTypeOf, isMissingUpdateHandler } from './command-failure';

/** An update refused by the workflow, as the client reports it: the validator's or handler's ApplicationFailure as cause. */
const refused = (type: string | undefined, message: string, field: string | null = null) =>
  new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, nonRetryable: true, details: [field] }));

/** A gRPC error as @grpc/grpc-js raises it. */
const grpc = (code: number) => Object.assign(new Error(`${code} grpc`), { code, details: 'no connection', metadata: {} });

/** The HTTP answer a failure gets: status, code and field errors. */
function answer(error: unknown) {
  const failure = commandFailureOf(error);
  if (!failure) return 'unexpected';
  const { statusCode, code, fieldErrors, message } = toErrorBody(failure);
  return { statusCode, code, message, ...(fieldErrors ? { fieldErrors } : {}) };
}

describe('a failed lifecycle update, as an HTTP answer', () => {
  it.each<[string, unknown, object]>([
    ['a command the stage does not allow', refused('REFERRAL.WRONG_STAGE', 'RecordTriageDecision is not allowed while AwaitingAuthorisation'), { statusCode: 409, code: 'REFERRAL.WRONG_STAGE', message: 'RecordTriageDecision is not allowed while AwaitingAuthorisation' }],
    ['a person the rules do not allow', refused('REFERRAL.NOT_ALLOWED', 'only the authorisers may authorise or return decisions'), { statusCode: 403, code: 'REFERRAL.NOT_ALLOWED' }],
    ['a bad input, with its field', refused('REFERRAL.INVALID_INPUT', 'purple is not a RAG level of this hub', 'rag'), { statusCode: 422, code: 'REFERRAL.INVALID_INPUT', fieldErrors: [{ field: 'rag', reason: 'purple is not a RAG level of this hub' }] }],
    ['an unknown action', refused('REFERRAL.UNKNOWN_ACTION', 'no action a-9', 'actionId'), { statusCode: 404, code: 'REFERRAL.UNKNOWN_ACTION' }],
    ['a closed action', refused('REFERRAL.ACTION_CLOSED', 'action a-1 is completed'), { statusCode: 409, code: 'REFERRAL.ACTION_CLOSED' }],
    ['a closed challenge window', refused('REFERRAL.CHALLENGE_CLOSED', 'the window has closed'), { statusCode: 409, code: 'REFERRAL.CHALLENGE_CLOSED' }],
    [
      'an append refused because the stream moved',
      new WorkflowUpdateFailedError('Workflow Update failed', new ActivityFailure('failed', 'appendEvents', '1', RetryState.NON_RETRYABLE_FAILURE, 'w', ApplicationFailure.create({ type: 'EVENT_STORE.VERSION_CONFLICT', nonRetryable: true }))),
      { statusCode: 409, code: 'EVENT_STORE.VERSION_CONFLICT' },
    ],
    ['Temporal unreachable', new ServiceError('Workflow Update failed', { cause: grpc(14) }), { statusCode: 503, code: 'DEPENDENCY.UNAVAILABLE' }],
    ['Temporal past the deadline', new ServiceError('Failed to query Workflow', { cause: grpc(4) }), { statusCode: 503, code: 'DEPENDENCY.UNAVAILABLE' }],
    ['the update call timed out', new WorkflowUpdateRPCTimeoutOrCancelledError('timeout', { cause: grpc(4) }), { statusCode: 503, code: 'DEPENDENCY.UNAVAILABLE' }],
  ])('%s', (_, error, expected) => {
    expect(answer(error)).toEqual(expect.objectContaining(expected));
  });

  it.each<[string, unknown]>([
    ['a failure type the API does not know', refused('SOMETHING.NEW', 'internal detail at line 42')],
    ['a refused call that is not about reaching Temporal', new ServiceError('Workflow Update failed', { cause: grpc(7) })],
    ['a bug', new TypeError('cannot read properties of undefined')],
  ])('leaves %s unexpected: logged, and answered 500 INTERNAL without its text', (_, error) => {
    expect(answer(error)).toBe('unexpected');
    expect(toErrorBody(error)).toEqual(expect.objectContaining({ statusCode: 500, code: 'INTERNAL' }));
    expect(JSON.stringify(toErrorBody(error))).not.toContain('line 42');
  });

  it('tells a workflow with no handler for the update (before lifecycle-v2, or still loading) from a refusal', () => {
    expect(isMissingUpdateHandler(refused(undefined, 'No registered handler for update: recordTriageDecision'))).toBe(true);
    expect(isMissingUpdateHandler(refused('REFERRAL.WRONG_STAGE', 'No registered handler for update: x'))).toBe(false);
    expect(isMissingUpdateHandler(refused('REFERRAL.WRONG_STAGE', 'not now'))).toBe(false);
    expect(isMissingUpdateHandler(new Error('No registered handler for update: x'))).toBe(false);
  });

  it("names an unexpected failure's type for the log", () => {
    expect(failureTypeOf(refused('SOMETHING.NEW', 'x'))).toBe('SOMETHING.NEW');
    expect(failureTypeOf(new Error('x'))).toBeUndefined();
  });
});
