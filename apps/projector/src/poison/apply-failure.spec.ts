import { describeFailure, isPoisonDatabaseError } from './apply-failure';

const sqlError = (code: string, fields: Record<string, string> = {}) => Object.assign(new Error('new row for relation violates check "x" (Failing row contains (Sam Example))'), { code, ...fields });

describe('telling a poison event from an outage', () => {
  it('parks data and integrity errors (SQLSTATE classes 22 and 23)', () => {
    expect(isPoisonDatabaseError(sqlError('23514'))).toBe(true);
    expect(isPoisonDatabaseError(sqlError('22001'))).toBe(true);
  });

  it('rethrows connection, deadlock, shutdown and schema errors, and errors with no SQLSTATE', () => {
    for (const code of ['08006', '40P01', '57P01', '42703', '55P03']) expect(isPoisonDatabaseError(sqlError(code))).toBe(false);
    expect(isPoisonDatabaseError(new Error('Connection terminated unexpectedly'))).toBe(false);
    expect(isPoisonDatabaseError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(false);
  });

  it('describes a failure by class, SQLSTATE and names, never by its message', () => {
    const text = describeFailure(sqlError('23514', { table: 'referral_summary', constraint: 'no_sam' }), 'saving the summary');
    expect(text).toBe('Error in saving the summary; SQLSTATE 23514; table referral_summary; constraint no_sam');
    expect(describeFailure(new TypeError('Cannot read Sam'), 'evolve')).toBe('TypeError in evolve');
  });
});
