import { describe, expect, it } from "vitest";
import playerApi from "../../services/player-api/openapi.json" with { type: "json" };
import { routes } from "../src/policy/routes.ts";

// Every player-facing route the origin publishes must have an edge policy, or players get a 404
// at the edge for a feature the origin serves. Back-office and internal routes stay off the edge.
describe("edge policy covers the player API", () => {
  const published = Object.entries(playerApi.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, ops]) =>
      Object.keys(ops).map((method) => ({
        method: method.toUpperCase(),
        path: path.replaceAll(/\{(\w+)\}/g, ":$1"),
      })),
  );
  const playerFacing = published.filter(
    (r) => r.path.startsWith("/v1/") || r.path.startsWith("/.well-known/"),
  );

  it("finds the player routes in the OpenAPI document", () => {
    expect(playerFacing.length).toBeGreaterThan(10);
  });

  it.each(playerFacing)("fronts $method $path", ({ method, path }) => {
    expect(routes.some((policy) => policy.method === method && policy.path === path)).toBe(true);
  });

  it("never fronts back-office or internal routes", () => {
    expect(routes.filter((policy) => /^\/(backoffice|internal)\//.test(policy.path))).toEqual([]);
  });
});
