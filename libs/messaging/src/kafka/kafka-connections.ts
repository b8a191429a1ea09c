import net from 'node:net';
import tls from 'node:tls';
import type { ISocketFactory } from 'kafkajs';

const KEEP_ALIVE_MS = 60_000;

/**
 * Keeps hold of every connection one kafkajs client opens. After a broker restart kafkajs can
 * reconnect a consumer group's old coordinator outside its broker pool, and disconnecting the
 * consumer then leaves that socket open, with kafkajs's request timers, and a process unable
 * to exit. Once every producer, consumer and admin of the client is disconnected,
 * `closeLeftovers` ends what remains.
 */
export class KafkaConnections {
  private readonly open = new Set<net.Socket>();

  /** A socket factory like kafkajs's own, that remembers each socket until it closes. */
  readonly socketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
    const socket = ssl
      ? tls.connect({ host, port, ...(net.isIP(host) ? {} : { servername: host }), ...ssl }, onConnect)
      : net.connect({ host, port }, onConnect);
    socket.setKeepAlive(true, KEEP_ALIVE_MS);
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
    return socket;
  };

  /**
   * Closes the connections kafkajs left open and resolves once they are closed; returns how
   * many there were. Each is half-closed so that the broker's answering close makes kafkajs
   * tear down its own side (request timers included); one that does not close in time is
   * destroyed.
   */
  async closeLeftovers(graceMs = 2000): Promise<number> {
    // A socket kafkajs already ended is on its way out and is not a leftover.
    const leftovers = [...this.open].filter((socket) => !socket.writableEnded);
    await Promise.all(leftovers.map((socket) => closeGracefully(socket, graceMs)));
    return leftovers.length;
  }
}

function closeGracefully(socket: net.Socket, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    // With an error, so that kafkajs's error handler still tears down its side.
    const timer = setTimeout(() => socket.destroy(new Error('leftover Kafka connection did not close in time')), graceMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.end();
  });
}
