import { readFileSync } from 'node:fs';

/**
 * The operation ids of the OpenAPI document that a role may call, one a line: the public ones
 * and those whose roles (written into each description from the access rules) include it.
 * Fuzzing the others would only send a thousand requests to hear 403 before any input is read.
 *
 *   node dist/tools/fuzz/role-operations.js docs/openapi.json ROLE
 */
interface Operation {
  operationId: string;
  security?: unknown[];
  description?: string;
}

const [documentPath, role] = process.argv.slice(2);
if (!documentPath || !role) throw new Error('usage: role-operations OPENAPI.json ROLE');
const document = JSON.parse(readFileSync(documentPath, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const ids = Object.values(document.paths)
  .flatMap((item) => Object.values(item))
  .filter((operation) => {
    if (operation.security?.length === 0) return true;
    const roles = /\*\*Roles:\*\* ([^.]*)\./.exec(operation.description ?? '')?.[1].split(', ') ?? [];
    return roles.includes(role);
  })
  .map((operation) => operation.operationId);
if (ids.length === 0) throw new Error(`no operation of ${documentPath} is open to ${role}`);
console.log(ids.join('\n'));
