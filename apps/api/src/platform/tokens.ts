/** Injection tokens for values that are not classes. */
export const PG_POOL = Symbol('PG_POOL');
export const LOGGER = Symbol('LOGGER');
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
/** The API's one Temporal client (one lazy Connection, closed on shutdown). */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
