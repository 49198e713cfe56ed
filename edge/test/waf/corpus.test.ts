import { describe, expect, it } from "vitest";
import { inspectRequest } from "../../src/waf/index.ts";
import { attackCorpus, evasionCorpus } from "./corpus/attack-corpus.ts";
import { benignCorpus, routeOptionsFor } from "./corpus/benign-corpus.ts";

// The acceptance bar for unseen traffic: at most 0.5 % of benign requests blocked and a balanced
// accuracy of at least 90 %, at paranoia level 1.
describe("own corpora at paranoia level 1", () => {
  const benign = benignCorpus(400);
  const falsePositives = benign.filter(
    (request) => inspectRequest(request, { paranoiaLevel: 1, ...routeOptionsFor(request) }).blocked,
  ).length;
  const attacks = [...attackCorpus(), ...evasionCorpus()].map(({ family, request }) => ({
    family,
    blocked: inspectRequest(request, { paranoiaLevel: 1, routeId: "api" }).blocked,
  }));

  it("blocks at most 0.5 % of benign casino traffic", () => {
    expect(falsePositives / benign.length).toBeLessThanOrEqual(0.005);
  });

  it("reaches 90 % balanced accuracy", () => {
    const caught = attacks.filter((attack) => attack.blocked).length;
    const balancedAccuracy = (caught / attacks.length + (1 - falsePositives / benign.length)) / 2;
    expect(balancedAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("blocks at least 90 % of every attack family", () => {
    const families = new Map<string, { total: number; blocked: number }>();
    for (const { family, blocked } of attacks) {
      const entry = families.get(family) ?? { total: 0, blocked: 0 };
      entry.total++;
      if (blocked) entry.blocked++;
      families.set(family, entry);
    }
    const weak = [...families]
      .filter(([, { total, blocked }]) => blocked / total < 0.9)
      .map(([family]) => family);
    expect(weak).toEqual([]);
  });
});
