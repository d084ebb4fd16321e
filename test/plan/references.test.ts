/** docs/references.md and the code's reference list name the same works, each resolvable (issue 13). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CRITERIA } from "../../src/procedure/plan/citations.js";
import { REFERENCE_BY_ID, REFERENCES, referenceUrl } from "../../src/procedure/plan/references.js";

const md = readFileSync(new URL("../../docs/references.md", import.meta.url), "utf8");

describe("references", () => {
  it("every reference is in docs/references.md with its DOI, PMID or PMC id", () => {
    for (const r of REFERENCES) {
      expect(md).toContain(`**${r.id}**`);
      for (const id of [r.doi, r.pmid, r.pmc]) if (id) expect(md).toContain(id);
      expect(r.doi ?? r.pmid ?? r.pmc).toBeTruthy();
      expect(referenceUrl(r)).toMatch(/^https:\/\//);
    }
  });
  it("every criterion cites published works by id, and no source names an internal research file", () => {
    for (const c of CRITERIA) {
      expect(c.refs.length).toBeGreaterThan(0);
      for (const id of c.refs) expect(REFERENCE_BY_ID.has(id)).toBe(true);
      expect(c.source).not.toMatch(/clinical-formulas|physiology-and-devices|§/);
    }
  });
});
