import type { Kafka } from 'kafkajs';
import type { IntegrationEvent } from '@app/messaging';
import { createLogger } from '@app/observability';
import { IntegrationEventPublisher } from './integration-event-publisher';

/** A stand-in for kafkajs that records producers and lets a test make sends fail. */
function fakeKafka(failingSends: number) {
  const producers: Array<{ connected: boolean; sent: number }> = [];
  let failuresLeft = failingSends;
  const kafka = {
    producer: () => {
      const record = { connected: false, sent: 0 };
      producers.push(record);
      return {
        connect: async () => void (record.connected = true),
        disconnect: async () => void (record.connected = false),
        send: async ({ messages }: { messages: unknown[] }) => {
          if (failuresLeft-- > 0) throw new Error('Connection error: connect ECONNREFUSED');
          record.sent += messages.length;
          return [];
        },
      };
    },
    admin: () => ({ connect: async () => undefined, disconnect: async () => undefined, listTopics: async () => ['t'] }),
  } as unknown as Kafka;
  return { kafka, producers };
}

const event = { id: 'e1', type: 'mash.referral.triage-awaited.v1', referralId: 'r1', hubId: 'h' } as IntegrationEvent;
const logger = createLogger('publisher-spec', 'silent');

describe('IntegrationEventPublisher', () => {
  it('throws a failed send to its caller and sends the retry through a fresh producer', async () => {
    const { kafka, producers } = fakeKafka(1);
    const publisher = new IntegrationEventPublisher(kafka, 't', logger);

    await expect(publisher.publish([event])).rejects.toThrow('ECONNREFUSED');
    await publisher.publish([event]);

    expect(producers).toEqual([
      { connected: false, sent: 0 },
      { connected: true, sent: 1 },
    ]);
  });

  it('keeps one producer while sends succeed', async () => {
    const { kafka, producers } = fakeKafka(0);
    const publisher = new IntegrationEventPublisher(kafka, 't', logger);
    await publisher.publish([event]);
    await publisher.publish([event, event]);
    await publisher.close();
    expect(producers).toEqual([{ connected: false, sent: 3 }]);
  });

  it('connects to nothing for a batch with no published events', async () => {
    const { kafka, producers } = fakeKafka(0);
    await new IntegrationEventPublisher(kafka, 't', logger).publish([]);
    expect(producers).toHaveLength(0);
  });
});
