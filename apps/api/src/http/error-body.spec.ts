import { HttpException, NotFoundException } from '@nestjs/common';
import { REJECTION_CODES, Rejection } from '@app/domain';
import { EventIdReusedError, StreamVersionConflictError } from '@app/event-store';
import { API_ERROR_CODES, ApiError } from './api-error';
import { toErrorBody } from './error-body';
import { HTTP_STATUS_BY_CODE } from './rejection-status';

describe('the error mapping', () => {
  it.each([
    ['REFERRAL.OUT_OF_SCOPE', 422],
    ['REFERRAL.SOURCE_NOT_ACCEPTED', 422],
    ['REFERRAL.SUBJECT_AGE_MISMATCH', 422],
    ['HUB.UNKNOWN', 422],
    ['REFERRAL.NOT_FOUND', 404],
    ['REFERRAL.WRONG_STAGE', 409],
    ['REFERRAL.ALREADY_RECEIVED', 409],
  ] as const)('answers the rejection %s with %i', (code, status) => {
    const body = toErrorBody(new Rejection(code, 'because'));
    expect(body).toEqual({ statusCode: status, error: expect.any(String), code, message: 'because' });
  });

  it('has a status for every domain rejection code and every API code', () => {
    for (const code of [...REJECTION_CODES, ...API_ERROR_CODES]) {
      expect(HTTP_STATUS_BY_CODE[code]).toBeGreaterThanOrEqual(400);
    }
  });

  it('names the field a rejection is about', () => {
    const body = toErrorBody(new Rejection('HUB.UNKNOWN', 'there is no hub x', 'hubId'));
    expect(body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: 'HUB.UNKNOWN',
      message: 'there is no hub x',
      fieldErrors: [{ field: 'hubId', reason: 'there is no hub x' }],
    });
  });

  it('passes an API error through with its field errors', () => {
    const body = toErrorBody(new ApiError('REQUEST.INVALID', '1 field is invalid', [{ field: 'narrative', reason: 'is required' }]));
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'REQUEST.INVALID',
      message: '1 field is invalid',
      fieldErrors: [{ field: 'narrative', reason: 'is required' }],
    });
  });

  it('answers a version conflict with 409', () => {
    const body = toErrorBody(new StreamVersionConflictError('referral-1', 'no-stream', 1));
    expect(body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'EVENT_STORE.VERSION_CONFLICT' });
  });

  it('answers a reused idempotency key with 422', () => {
    expect(toErrorBody(new ApiError('IDEMPOTENCY.KEY_REUSED', 'x'))).toMatchObject({ statusCode: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
  });

  it.each([
    [413, 'REQUEST.TOO_LARGE', 'Payload Too Large'],
    [415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type'],
  ])("answers Fastify's %i (as Nest passes it on) with %s", (status, code, error) => {
    expect(toErrorBody(new HttpException('from fastify', status))).toMatchObject({ statusCode: status, code, error });
  });

  it('answers an unknown route with 404 ROUTE.NOT_FOUND', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /nowhere'))).toMatchObject({ statusCode: 404, code: 'ROUTE.NOT_FOUND' });
  });

  it('answers an unreachable database with 503 DEPENDENCY.UNAVAILABLE', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toErrorBody(refused)).toMatchObject({ statusCode: 503, error: 'Service Unavailable', code: 'DEPENDENCY.UNAVAILABLE' });
  });

  it.each([
    ['a plain error', new Error('SELECT * FROM secrets failed: Sam Example')],
    ['a reused event id (a writer bug)', new EventIdReusedError('e1')],
    ['a thrown string', 'oops'],
    ['a Nest 500', new HttpException('boom', 500)],
  ])('answers %s with a 500 that does not echo the error', (_, error) => {
    const body = toErrorBody(error);
    expect(body).toMatchObject({ statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL' });
    expect(body.message).not.toMatch(/Sam|secrets|boom|e1/);
  });
});
