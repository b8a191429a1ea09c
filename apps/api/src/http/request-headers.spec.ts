import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { correlationIdOf } from './correlation-id';
import { idempotencyKeyOf } from './idempotency-key';

const requestWith = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as FastifyRequest & IncomingMessage;

describe('request headers', () => {
  describe('Idempotency-Key', () => {
    it('is undefined when not sent', () => {
      expect(idempotencyKeyOf(requestWith({}))).toBeUndefined();
    });

    it.each(['a', 'retry 1 of referral #7', 'x'.repeat(200)])('accepts %j', (key) => {
      expect(idempotencyKeyOf(requestWith({ 'idempotency-key': key }))).toBe(key);
    });

    it.each(['', 'x'.repeat(201), 'clé', 'tab\there'])('refuses %j with a 400 naming the header', (key) => {
      expect(() => idempotencyKeyOf(requestWith({ 'idempotency-key': key }))).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID', fieldErrors: [expect.objectContaining({ field: 'Idempotency-Key' })] }));
    });
  });

  describe('X-Correlation-Id', () => {
    it("keeps a caller's safe correlation id", () => {
      expect(correlationIdOf(requestWith({ 'x-correlation-id': 'agency-req-0001' }))).toBe('agency-req-0001');
    });

    it.each([[{}], [{ 'x-correlation-id': 'short' }], [{ 'x-correlation-id': 'has spaces and Sam Example' }]])('makes a new UUID otherwise (%j)', (headers) => {
      expect(correlationIdOf(requestWith(headers))).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
