import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenarioText } from "../../src/procedure/scenario-schema.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README stays true", () => {
  it("gives the two set-up commands that package.json defines", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(readme).toMatch(/^npm start\b/m);
    expect(readme).toMatch(/^npm test\b/m);
    expect(pkg.scripts.start).toBe("bash scripts/start.sh");
    expect(pkg.scripts.test).toBe("bash scripts/test.sh");
  });

  it("its YAML scenario example is a valid scenario", () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const s = parseScenarioText(yaml ?? "", "README.yaml");
    expect(s.steps.map((x) => x.name)).toEqual(["Impella CP at P6", "NTW at A2-P2", "wean to P2"]);
  });

  it("every CLI command it shows exists", async () => {
    const { buildProgram } = await import("../../src/cli/program.js");
    const names = buildProgram().commands.map((c) => c.name());
    for (const m of readme.matchAll(/npx --no-install clipshock (\w+)/g)) expect(names).toContain(m[1]);
  });
});
