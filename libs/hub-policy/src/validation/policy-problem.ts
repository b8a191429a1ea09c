/**
 * One thing wrong with a policy: where (a JSON pointer into the document, RFC 6901) and why.
 * Reasons never repeat the value written, so a problem can be logged and returned as is.
 */
export interface PolicyProblem {
  path: string;
  reason: string;
}

/** A JSON pointer from path segments, escaping '~' and '/' as RFC 6901 says. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
