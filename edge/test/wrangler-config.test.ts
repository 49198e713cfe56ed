import { describe, expect, it } from "vitest";
import wranglerToml from "../../wrangler.toml?raw";
import { parseEdgeEnv } from "../src/env.ts";

type Tables = Map<string, Map<string, string>>;

/** Enough TOML for wrangler.toml: table headers, array-of-table headers and `key = value` lines. */
function tables(source: string): Tables {
  const result: Tables = new Map([["", new Map()]]);
  let current = result.get("") as Map<string, string>;
  let counter = 0;
  for (const raw of source.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const header = /^\[\[?([^\]]+)\]\]?$/.exec(line);
    if (header) {
      const name = line.startsWith("[[") ? `${header[1]}#${counter++}` : (header[1] as string);
      current = new Map();
      result.set(name, current);
      continue;
    }
    const pair = /^([A-Za-z0-9_]+)\s*=\s*(.+)$/.exec(line);
    if (pair) current.set(pair[1] as string, pair[2] as string);
  }
  return result;
}

const unquote = (value: string) => JSON.parse(value) as string;
const config = tables(wranglerToml);
const arrayTables = (prefix: string) => [...config.keys()].filter((name) => name.startsWith(`${prefix}#`));

describe("wrangler.toml", () => {
  const topVars = config.get("vars") as Map<string, string>;

  it.each(["staging", "production"])("spells out everything for %s, inheriting nothing", (environment) => {
    const env = config.get(`env.${environment}`) as Map<string, string>;
    expect(unquote(env.get("name") as string)).toBe(`croupier-edge-${environment}`);
    for (const key of ["workers_dev", "preview_urls", "routes", "limits", "observability"])
      expect(env.has(key)).toBe(true);
    expect(env.get("workers_dev")).toBe("false");

    const vars = config.get(`env.${environment}.vars`) as Map<string, string>;
    expect([...vars.keys()].sort()).toEqual([...topVars.keys()].sort());
    expect(config.get(`env.${environment}.secrets`)?.get("required")).toBe(
      config.get("secrets")?.get("required"),
    );

    const bindings = arrayTables(`env.${environment}.durable_objects.bindings`).map((name) =>
      config.get(name),
    );
    expect(bindings.map((binding) => binding?.get("name"))).toEqual(['"RATE_LIMITER"']);
    const migrations = arrayTables(`env.${environment}.migrations`).map((name) => config.get(name));
    const topMigrations = arrayTables("migrations").map((name) => config.get(name));
    expect(migrations).toEqual(topMigrations);
  });

  it.each(["staging", "production"])(
    "gives %s a configuration the edge accepts as deployed",
    (environment) => {
      const vars = Object.fromEntries(
        [...(config.get(`env.${environment}.vars`) as Map<string, string>)].map(([key, value]) => [
          key,
          unquote(value),
        ]),
      );
      const parsed = parseEdgeEnv({
        ...vars,
        EDGE_SIGNING_SECRET: "x".repeat(48),
        TURNSTILE_SECRET_KEY: "0x4AAAA",
      });
      expect(parsed.environment).toBe(environment);
      expect(parsed.turnstileRequired).toBe(true);
      expect(parsed.jwksUrls).toHaveLength(3);
      expect(Object.values(parsed.origins).every((url) => url.startsWith("https://"))).toBe(true);
    },
  );

  it("keeps local development usable without deployed secrets for Turnstile", () => {
    const vars = Object.fromEntries([...topVars].map(([key, value]) => [key, unquote(value)]));
    expect(parseEdgeEnv({ ...vars, EDGE_SIGNING_SECRET: "x".repeat(48) }).environment).toBe("development");
  });
});
