export * from './event-upcasters';
export * from './referral/referral-upcasters';
export type { TriageAwaitedV1 } from './referral/triage-awaited.upcasters';
export type { InformationProvidedV1 } from './referral/information-provided.upcasters';
