/**
 * Writes docs/scenario.schema.json, the JSON Schema of the scenario file, from the zod schema.
 *   npx tsx scripts/write-schema.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../src/procedure/scenario-schema.js";

const url = new URL("../docs/scenario.schema.json", import.meta.url);
mkdirSync(new URL("./", url), { recursive: true });
writeFileSync(url, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${url.pathname}`);
