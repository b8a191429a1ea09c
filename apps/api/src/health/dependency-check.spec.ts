import { type DependencyCheck, runCheck } from './dependency-check';

const check = (probe: () => Promise<void>, reset = jest.fn(async () => undefined)): DependencyCheck & { reset: jest.Mock } => ({
  name: 'kafka',
  probe,
  reset,
});

describe('runCheck', () => {
  it('reports up with the latency when the probe answers', async () => {
    const result = await runCheck(check(async () => undefined));
    expect(result).toEqual({ status: 'up', latencyMs: expect.any(Number) });
  });

  it('reports down with the error, and drops the connection, when the probe fails', async () => {
    const failing = check(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    const result = await runCheck(failing);
    expect(result).toEqual({ status: 'down', latencyMs: expect.any(Number), error: 'Error: connect ECONNREFUSED' });
    expect(failing.reset).toHaveBeenCalledTimes(1);
  });

  it('reports down after the timeout when the probe never answers', async () => {
    const hanging = check(() => new Promise<void>(() => undefined));
    const result = await runCheck(hanging, 50);
    expect(result).toMatchObject({ status: 'down', error: 'CheckTimedOutError: no answer within 50 ms' });
    expect(result.latencyMs).toBeLessThan(1000);
    expect(hanging.reset).toHaveBeenCalledTimes(1);
  });
});
