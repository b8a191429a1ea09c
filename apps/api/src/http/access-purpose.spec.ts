import type { FastifyRequest } from 'fastify';
import { accessPurposeOf } from './access-purpose';
import { ApiError } from './api-error';

const request = (purpose?: unknown) => ({ headers: purpose === undefined ? {} : { 'access-purpose': purpose } }) as unknown as FastifyRequest;

function refusal(call: () => unknown): ApiError {
  try {
    call();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the purpose a caller states for an access', () => {
  it.each([
    ['a listed purpose, where one is required', 'strategy-discussion', true, 'strategy-discussion'],
    ['a listed purpose, where none is required', 'audit', false, 'audit'],
    ['no purpose, where none is required', undefined, false, null],
  ])('takes %s', (_what, header, required, expected) => {
    expect(accessPurposeOf(request(header), required)).toBe(expected);
  });

  it.each([
    ['missing where required', undefined, true, /is required/],
    ['not on the list where required', 'curiosity', true, /not a known purpose/],
    ['not on the list where optional (an unknown one is never recorded)', 'because', false, /not a known purpose/],
    ['free text about a person', 'checking on Sam Example', false, /not a known purpose/],
    ['sent twice', ['audit', 'triage'], true, /not a known purpose/],
  ])('refuses a purpose %s, naming the header', (_what, header, required, reason) => {
    const error = refusal(() => accessPurposeOf(request(header), required));
    expect(error.code).toBe('REQUEST.INVALID');
    expect(error.fieldErrors).toEqual([{ field: 'Access-Purpose', reason: expect.stringMatching(reason) }]);
  });
});
