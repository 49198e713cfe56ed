import { describe, expect, it } from "vitest";
import { inspectRequest } from "../../src/waf/index.ts";
import { attackCorpus } from "./corpus/attack-corpus.ts";
import { benignCorpus, routeIdFor } from "./corpus/benign-corpus.ts";

// The acceptance bar for unseen traffic: at most 0.5 % of benign requests blocked, balanced
// accuracy of at least 90 %, at paranoia level 1.
describe("own corpora at paranoia level 1", () => {
  const benign = benignCorpus(600);
  const attacks = attackCorpus();

  it("blocks at most 0.5 % of benign casino traffic", () => {
    const blocked = benign.filter(
      (request) => inspectRequest(request, { paranoiaLevel: 1, routeId: routeIdFor(request) }).blocked,
    );
    expect(blocked.length / benign.length).toBeLessThanOrEqual(0.005);
  });

  it("reaches 90 % balanced accuracy with the attack corpus", () => {
    const caught = attacks.filter(
      ({ request }) => inspectRequest(request, { paranoiaLevel: 1, routeId: "api" }).blocked,
    ).length;
    const falsePositives = benign.filter(
      (request) => inspectRequest(request, { paranoiaLevel: 1, routeId: routeIdFor(request) }).blocked,
    ).length;
    const balancedAccuracy = (caught / attacks.length + (1 - falsePositives / benign.length)) / 2;
    expect(balancedAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("catches every family in the attack corpus", () => {
    const missedFamilies = new Set<string>();
    const caughtFamilies = new Set<string>();
    for (const { family, request } of attacks) {
      if (inspectRequest(request, { paranoiaLevel: 1, routeId: "api" }).blocked) caughtFamilies.add(family);
      else missedFamilies.add(family);
    }
    expect([...caughtFamilies].sort()).toEqual(["java", "lfi", "php", "rce", "rfi", "sqli", "xss"]);
  });
});
