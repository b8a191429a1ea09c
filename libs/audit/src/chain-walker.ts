import type { AuditRecord, ChainBreak, ChainHead } from './audit-record.types';
import { GENESIS_HASH, hashRecord } from './canonical-record';

/**
 * Follows one hub's chain record by record, in sequence order, and names the first link that
 * does not hold. Pure: the caller reads the records (in pages) and the head.
 */
export class ChainWalker {
  private expectedSequence = 1;
  private previousHash = GENESIS_HASH;

  constructor(readonly hubId: string) {}

  /** Records that held so far. */
  get checked(): number {
    return this.expectedSequence - 1;
  }

  /** Checks the next record; returns the break it shows, or null when it holds. */
  next(record: AuditRecord): ChainBreak | null {
    const at = (kind: ChainBreak['kind'], sequence: number, expected: string, found: string): ChainBreak => ({
      hubId: this.hubId,
      sequence,
      kind,
      expected,
      found,
    });
    if (record.hubId !== this.hubId) throw new Error(`record of hub ${record.hubId} given to the walker of ${this.hubId}`);
    if (record.sequence !== this.expectedSequence) {
      return at('sequence-gap', this.expectedSequence, `record ${this.expectedSequence}`, `record ${record.sequence}`);
    }
    if (record.previousHash !== this.previousHash) {
      return at('previous-hash-mismatch', record.sequence, this.previousHash, record.previousHash);
    }
    const recomputed = hashRecord(record);
    if (recomputed !== record.hash) return at('content-hash-mismatch', record.sequence, recomputed, record.hash);
    this.expectedSequence += 1;
    this.previousHash = record.hash;
    return null;
  }

  /** After the last record: the chain must end where its head says (null head: no records yet). */
  end(head: ChainHead | null): ChainBreak | null {
    const last = { sequence: this.checked, hash: this.previousHash };
    const stated = head ?? { sequence: 0, hash: GENESIS_HASH };
    if (stated.sequence === last.sequence && stated.hash === last.hash) return null;
    return {
      hubId: this.hubId,
      // A record cut off the end is the first missing one; otherwise the last record disagrees.
      sequence: stated.sequence > last.sequence ? last.sequence + 1 : last.sequence,
      kind: 'head-mismatch',
      expected: `head at ${stated.sequence} ${stated.hash}`,
      found: `chain ends at ${last.sequence} ${last.hash}`,
    };
  }
}

/** One line naming the broken link, for people and logs. */
export function describeBreak(broken: ChainBreak): string {
  const why: Record<ChainBreak['kind'], string> = {
    'content-hash-mismatch': 'its fields no longer hash to the hash stored with it (the record was changed)',
    'previous-hash-mismatch': 'it does not link to the hash of the record before it (that record was changed and rehashed, or this one replaced)',
    'sequence-gap': 'this record is missing (deleted)',
    'head-mismatch': 'the chain does not end where its head says (records cut off the end, or the head changed)',
  };
  return `hub ${broken.hubId}, record ${broken.sequence}: ${broken.kind}: ${why[broken.kind]}; expected ${broken.expected}, found ${broken.found}`;
}
