/** Largest request body accepted: a full referral with a long narrative is well under it. */
export const BODY_LIMIT_BYTES = 256 * 1024;
