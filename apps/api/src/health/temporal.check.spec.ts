import { Connection } from '@temporalio/client';
import { TemporalCheck } from './temporal.check';

describe('the Temporal health check', () => {
  afterEach(() => jest.restoreAllMocks());

  it('connects without the retry interceptor, so closing after a failed probe leaves no retry timer to fire on a shut channel', async () => {
    const getSystemInfo = jest.fn().mockResolvedValue({});
    const connect = jest.spyOn(Connection, 'connect').mockResolvedValue({
      withDeadline: (_: number, work: () => Promise<unknown>) => work(),
      workflowService: { getSystemInfo },
      close: jest.fn().mockResolvedValue(undefined),
    } as unknown as Connection);

    await new TemporalCheck('127.0.0.1:1', 100).probe();

    expect(connect).toHaveBeenCalledWith(expect.objectContaining({ address: '127.0.0.1:1', interceptors: [] }));
    expect(getSystemInfo).toHaveBeenCalledTimes(1);
  });
});
