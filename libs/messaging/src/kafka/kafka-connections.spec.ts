import net from 'node:net';
import { KafkaConnections } from './kafka-connections';

describe('KafkaConnections', () => {
  let server: net.Server;
  let port: number;

  beforeEach(async () => {
    server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function connect(connections: KafkaConnections): Promise<net.Socket> {
    return new Promise((resolve) => {
      const socket: net.Socket = connections.socketFactory({ host: '127.0.0.1', port, ssl: undefined as never, onConnect: () => resolve(socket) });
    });
  }

  it('closes the connections left open and says how many', async () => {
    const connections = new KafkaConnections();
    const sockets = [await connect(connections), await connect(connections)];
    expect(await connections.closeLeftovers()).toBe(2);
    expect(sockets.map((s) => s.destroyed)).toEqual([true, true]);
  });

  it('does not count connections already closed or being closed by their owner', async () => {
    const connections = new KafkaConnections();
    const closed = await connect(connections);
    await new Promise((resolve) => closed.once('close', resolve).destroy());
    const ending = await connect(connections);
    ending.end();
    expect(await connections.closeLeftovers()).toBe(0);
  });

  it('destroys a connection whose peer never closes its side', async () => {
    const held: net.Socket[] = [];
    const stubborn = net.createServer({ allowHalfOpen: true }, (peer) => held.push(peer.on('error', () => undefined)));
    await new Promise<void>((resolve) => stubborn.listen(0, '127.0.0.1', resolve));
    const connections = new KafkaConnections();
    const socket = await new Promise<net.Socket>((resolve) => {
      const s: net.Socket = connections.socketFactory({
        host: '127.0.0.1',
        port: (stubborn.address() as net.AddressInfo).port,
        ssl: undefined as never,
        onConnect: () => resolve(s),
      });
    });
    socket.on('error', () => undefined);
    expect(await connections.closeLeftovers(50)).toBe(1);
    expect(socket.destroyed).toBe(true);
    held.forEach((peer) => peer.destroy());
    await new Promise((resolve) => stubborn.close(resolve));
  });
});
