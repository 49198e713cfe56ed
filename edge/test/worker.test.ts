import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

// The deployed entry point, configured from wrangler.toml (plus test secrets), inside workerd.
describe("worker entry", () => {
  it("answers its liveness probe", async () => {
    const response = await exports.default.fetch("https://edge.test/healthz/live");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("refuses a request without a usable country (fail closed)", async () => {
    const response = await exports.default.fetch("https://edge.test/v1/games", {
      headers: { "user-agent": "Mozilla/5.0" },
    });
    expect(response.status).toBe(451);
  });

  it("refuses a blocked country with 451 problem+json", async () => {
    const response = await exports.default.fetch(
      new Request("https://edge.test/v1/games", {
        headers: { "user-agent": "Mozilla/5.0" },
        cf: { country: "US" },
      } as RequestInit),
    );
    expect(response.status).toBe(451);
    expect(await response.json()).toMatchObject({ jurisdiction: "US" });
  });

  it("answers 404 for routes it does not front", async () => {
    const response = await exports.default.fetch("https://edge.test/internal/session-epoch/ply_1");
    expect(response.status).toBe(404);
  });
});
