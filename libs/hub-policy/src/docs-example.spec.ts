import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePolicy } from './resolve-policy';
import { validateHubPolicy } from './validation/validate-hub-policy';

describe('the example in docs/hub-policy.md', () => {
  it('resolves to a valid policy, so the example a hub copies works', () => {
    const page = readFileSync(join(__dirname, '../../../docs/hub-policy.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(page);
    expect(example).not.toBeNull();
    const result = validateHubPolicy(resolvePolicy(JSON.parse(example![1])));
    expect(result.valid ? [] : result.problems).toEqual([]);
  });
});
