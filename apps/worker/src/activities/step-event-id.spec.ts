import { stepEventId, uuidV5 } from './step-event-id';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('matches the reference implementation (uuid package) for known names', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('x', DNS_NAMESPACE)).toBe('05b16a01-46c6-56dd-bd6e-c6dfb4a1427a');
  });
});

describe('stepEventId', () => {
  const workflowId = 'referral-6f1c2a4e-9b7d-4c3e-8a1f-2d5e6b7c8d9e';

  it('is the same for every retry of the same step', () => {
    expect(stepEventId(workflowId, 'record-triage-awaited')).toBe(stepEventId(workflowId, 'record-triage-awaited'));
  });

  it('differs between steps, workflows and events of one step', () => {
    const ids = new Set([
      stepEventId(workflowId, 'record-triage-awaited'),
      stepEventId(workflowId, 'record-triage-awaited', 1),
      stepEventId(workflowId, 'request-information'),
      stepEventId('referral-other', 'record-triage-awaited'),
    ]);
    expect(ids.size).toBe(4);
  });

  it('is a version 5 UUID the events table accepts', () => {
    expect(stepEventId(workflowId, 'record-triage-awaited')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
