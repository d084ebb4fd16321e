/**
 * Writes docs/cohort.schema.json, the JSON Schema of the cohort spec, from the zod schema.
 *   node --import tsx scripts/write-cohort-schema.ts
 */
import { writeFileSync } from "node:fs";
import { cohortJsonSchema } from "../src/cohort/spec.js";

const url = new URL("../docs/cohort.schema.json", import.meta.url);
writeFileSync(url, `${JSON.stringify(cohortJsonSchema(), null, 2)}\n`);
console.log(`wrote ${url.pathname}`);
