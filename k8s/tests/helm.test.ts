import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  charts,
  type Helm,
  normaliseSeparators,
  parseObjects,
  regions,
  renderText,
} from "./support/render.ts";
import { chartsRoot, run } from "./support/tools.ts";

const helms: Helm[] = ["helm3", "helm4"];

describe("helm lint --strict", () => {
  for (const helm of helms) {
    for (const chart of charts) {
      it.each(regions)(`${helm}: ${chart} with values-%s.yaml`, (region) => {
        const dir = join(chartsRoot, chart);
        const result = run(helm, ["lint", "--strict", dir, "-f", join(dir, `values-${region}.yaml`)]);
        expect(result.stderr + result.stdout).toContain("0 chart(s) failed");
        expect(result.status).toBe(0);
      });
    }
  }
});

describe("helm template: Helm 3 and Helm 4 agree", () => {
  for (const chart of charts) {
    it.each(regions)(`${chart} (%s) renders the same documents under both`, (region) => {
      const helm3 = renderText("helm3", chart, region);
      const helm4 = renderText("helm4", chart, region);
      expect(helm3.length).toBeGreaterThan(1000);
      expect(normaliseSeparators(helm4)).toBe(normaliseSeparators(helm3));
      expect(parseObjects(helm4)).toEqual(parseObjects(helm3));
    });
  }
});
