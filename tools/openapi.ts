import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { offlineOpenApiDocument, serialiseOpenApi } from '../apps/api/src/openapi/offline-openapi';

/** Writes docs/openapi.json from the code; a unit test fails while the two differ. */
async function main(): Promise<void> {
  const target = path.resolve(process.cwd(), 'docs/openapi.json');
  writeFileSync(target, serialiseOpenApi(await offlineOpenApiDocument()));
  console.log(`wrote ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
