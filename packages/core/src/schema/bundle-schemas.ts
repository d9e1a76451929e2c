/**
 * Writes packages/core/schemas/bundled/<kind>.schema.json, one self-contained schema per
 * definition kind for outside tools. Run after editing a schema:
 *   npx tsx packages/core/src/schema/bundle-schemas.ts
 * A test fails while the bundled files are out of date.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DefinitionKind } from "../definitions/index.ts";
import { bundledFileName, bundleSchema } from "./bundle.ts";
import { KIND_SCHEMAS } from "./definition-schemas.ts";

const target = join(dirname(fileURLToPath(import.meta.url)), "../../schemas/bundled");
mkdirSync(target, { recursive: true });
for (const kind of Object.keys(KIND_SCHEMAS) as DefinitionKind[]) {
  const file = join(target, bundledFileName(kind));
  writeFileSync(file, `${JSON.stringify(bundleSchema(kind), null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
