import type { HubPolicyDocument } from './hub-policy.types';
import { NATIONAL_HUB_POLICY_TEMPLATE, type HubPolicyTemplate } from './national-template';

/**
 * What a hub writes: only what differs from the template. Objects are partial all the way down;
 * a list is always given whole, because lists replace (see resolvePolicy).
 */
export type HubPolicyOverrides = DeepPartial<HubPolicyDocument>;

/** A template with overrides applied, not yet checked: pass it to validateHubPolicy. */
export type HubPolicyDraft = DeepPartial<HubPolicyDocument>;

type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * The template with the hub's overrides, by one rule: where both sides hold an object (a JSON
 * object, not a list) the two merge key by key; anything else the hub writes (a list, a string,
 * a number, null) replaces the template's value whole. So a hub that adds a RAG level writes all
 * its levels, and a hub that names its contributing agencies writes the whole list: a list
 * merged item by item could not say "drop amber" or tell a reordering from an edit.
 * Keys the hub leaves out (or sets undefined) keep the template's value. Neither input changes.
 */
export function resolvePolicy(
  overrides: HubPolicyOverrides,
  template: Readonly<HubPolicyTemplate> = NATIONAL_HUB_POLICY_TEMPLATE,
): HubPolicyDraft {
  return merge(template, overrides) as HubPolicyDraft;
}

function merge(base: unknown, override: unknown): unknown {
  if (override === undefined) return copy(base);
  if (!isJsonObject(base) || !isJsonObject(override)) return copy(override);
  const merged = copy(base) as Record<string, unknown>;
  for (const [key, value] of Object.entries(override)) {
    if (value !== undefined) define(merged, key, merge(Object.hasOwn(merged, key) ? merged[key] : undefined, value));
  }
  return merged;
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (!isJsonObject(value)) return value;
  const copied: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) define(copied, key, copy(item));
  return copied;
}

/** A key such as "__proto__" from parsed JSON stays a plain key (and fails the schema). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
