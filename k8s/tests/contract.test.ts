import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseObjects, renderText } from "./support/render.ts";
import { repoRoot } from "./support/tools.ts";

// The services describe themselves in the "croupier" field of their package.json (docs/adr/0001);
// the chart must deploy them the same way: same port, same database, same callers.

interface Declared {
  port: number;
  database?: string;
  callers?: Record<string, string>;
}

const values = parse(readFileSync(join(repoRoot, "k8s/charts/croupier/values.yaml"), "utf8"));
const chartServices = values.services as Record<
  string,
  { port: number; calls: string[]; database?: string; enabled: boolean }
>;
const declared = new Map<string, Declared>(
  readdirSync(join(repoRoot, "services"))
    .filter((name) => existsSync(join(repoRoot, "services", name, "package.json")))
    .map((name) => [
      name,
      JSON.parse(readFileSync(join(repoRoot, "services", name, "package.json"), "utf8")).croupier as Declared,
    ])
    .filter((entry): entry is [string, Declared] => entry[1] !== undefined),
);

describe("chart and service declarations agree", () => {
  it("every service with a workspace has an entry in the chart (enabled once it ships)", () => {
    expect(declared.size).toBeGreaterThan(0);
    for (const name of declared.keys()) expect(chartServices[name], name).toBeDefined();
  });

  it.each([...declared.keys()])("%s listens on its declared port", (name) => {
    expect(chartServices[name]?.port).toBe(declared.get(name)?.port);
  });

  it.each([...declared.keys()])(
    "%s admits exactly the callers it declares (among services that exist)",
    (name) => {
      const callersInChart = Object.entries(chartServices)
        .filter(([caller, spec]) => declared.has(caller) && spec.calls.includes(name))
        .map(([caller]) => caller)
        .sort();
      const callersDeclared = Object.keys(declared.get(name)?.callers ?? {})
        .filter((caller) => declared.has(caller))
        .sort();
      expect(callersInChart).toEqual(callersDeclared);
    },
  );

  it.each([...declared.keys()])("%s gets a database named as in development (once enabled)", (name) => {
    const database = declared.get(name)?.database;
    // Prepared (disabled) entries get their database when they are switched on.
    if (!database || !chartServices[name]?.enabled) return;
    const cluster = chartServices[name]?.database;
    const foundation = parseObjects(renderText("helm3", "croupier-foundation", "eu"));
    const pg = foundation.find((o) => o.kind === "Cluster" && o.metadata.name === `${cluster}-pg`);
    expect(pg?.spec.bootstrap.initdb.database).toBe(database);
  });
});
