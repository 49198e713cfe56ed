import { describe, expect, it } from "vitest";
import { harness } from "./harness.ts";

describe("bot screening", () => {
  it.each([
    ["sqlmap/1.8.2#stable (https://sqlmap.org)"],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0 Safari/537.36",
    ],
    ["python-requests/2.32.3"],
    ["Nuclei - Open-source project (github.com/projectdiscovery/nuclei)"],
  ])("refuses %s with 403 problem+json", async (userAgent) => {
    const edge = await harness();
    const response = await edge.request("/v1/games", { headers: { "user-agent": userAgent } });
    expect(response.status).toBe(403);
    expect((await response.json()).type).toBe("https://croupier.dev/problems/automated-client");
    expect(edge.originRequests).toHaveLength(0);
  });

  it("refuses requests without a user agent and scanner headers", async () => {
    const edge = await harness();
    expect((await edge.request("/v1/games", { headers: { "user-agent": "" } })).status).toBe(403);
    expect((await edge.request("/v1/games", { headers: { "acunetix-product": "WVS" } })).status).toBe(403);
  });

  it("applies the bot-score gate when cf.botManagement is present", async () => {
    const edge = await harness();
    const low = await edge.request("/v1/games", { cf: { botManagement: { score: 2, verifiedBot: false } } });
    expect(low.status).toBe(403);
    const human = await edge.request("/v1/games", {
      cf: { botManagement: { score: 95, verifiedBot: false } },
    });
    expect(human.status).toBe(200);
    expect(edge.logs[0]).toMatchObject({ blocked: { by: "bot-screen", signal: "bot-score" } });
  });

  it("lets verified bots read but not log in", async () => {
    const edge = await harness();
    const cf = { botManagement: { score: 1, verifiedBot: true } };
    expect((await edge.request("/v1/games", { cf })).status).toBe(200);
    const login = await edge.request("/v1/auth/login", { method: "POST", body: "{}", cf });
    expect(login.status).toBe(403);
  });

  it("does nothing with the score when bot management is absent", async () => {
    const edge = await harness();
    expect((await edge.request("/v1/games")).status).toBe(200);
  });
});
