import { createHash } from 'node:crypto';

/** Namespace of the ids of events that workflows append (a fixed, random UUID). */
export const WORKFLOW_STEP_EVENT_NAMESPACE = '3d0b8e4a-5c41-4f7e-9a2b-7f7d1c9e6a15';

/**
 * The id of the event a workflow step appends: the same for every retry of the step, so the
 * event store recognises a repeat as already appended instead of writing it twice.
 */
export function stepEventId(workflowId: string, step: string, index = 0): string {
  return uuidV5(`${workflowId}/${step}/${index}`, WORKFLOW_STEP_EVENT_NAMESPACE);
}

/**
 * RFC 9562 name-based UUID (version 5, SHA-1). Written here because the `uuid` package is
 * ESM-only since v12 and jest 29 (CommonJS) cannot load it.
 */
export function uuidV5(name: string, namespace: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
