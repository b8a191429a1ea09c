import { Connection } from '@temporalio/client';
import { TemporalClientSource } from './temporal-client-source';

describe('the worker-side Temporal client source', () => {
  afterEach(() => jest.restoreAllMocks());

  it('connects without the retry interceptor, so dropping a failed connection leaves no retry timer to fire on a shut channel', async () => {
    const connection = {
      withDeadline: (_: number, work: () => Promise<unknown>) => work(),
      close: jest.fn().mockResolvedValue(undefined),
    } as unknown as Connection;
    const connect = jest.spyOn(Connection, 'connect').mockResolvedValue(connection);

    const source = new TemporalClientSource({ address: '127.0.0.1:1', namespace: 'default' });
    await expect(source.call(async () => 'done')).resolves.toBe('done');

    expect(connect).toHaveBeenCalledWith(expect.objectContaining({ address: '127.0.0.1:1', interceptors: [] }));
  });
});
