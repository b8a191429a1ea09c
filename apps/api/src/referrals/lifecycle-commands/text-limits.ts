/** Longest texts the lifecycle commands accept; the domain checks content, these bound size. */
export const RAG_MAX = 40;
export const DECISION_MAX = 100;
export const NAME_MAX = 200;
export const RATIONALE_MAX = 10_000;
export const SUMMARY_MAX = 20_000;
export const LIST_MAX = 50;
