import { describe, expect, it } from "vitest";
import { inspectRequest } from "../src/waf/index.ts";
import { harness } from "./harness.ts";

const match = { ruleId: "942100", family: "sqli", target: "query.q" };

describe("WAF integration", () => {
  it("passes the request, body and route to the WAF with the configured paranoia level", async () => {
    const seen: unknown[] = [];
    const edge = await harness({
      config: { wafParanoiaLevel: 3 },
      inspect: (input, options) => {
        seen.push({ ...input, headers: input.headers.get("user-agent"), options });
        return { blocked: false, score: 0, matches: [] };
      },
    });
    await edge.request("/v1/auth/login?x=1", {
      method: "POST",
      body: '{"email":"a@b.c"}',
      headers: { "cf-turnstile-response": "human" },
    });
    expect(seen[0]).toMatchObject({
      method: "POST",
      url: "https://api.croupier.test/v1/auth/login?x=1",
      body: '{"email":"a@b.c"}',
      contentType: "application/json",
      options: { paranoiaLevel: 3, routeId: "auth.login", allowedMethods: ["POST"] },
    });
  });

  it("allows writes where the route table serves them and refuses a method override elsewhere", async () => {
    const edge = await harness({ inspect: inspectRequest });
    const token = await edge.token();
    const body = JSON.stringify({ limits: { deposit: { daily: { amount: "5000000", currency: "EUR" } } } });
    expect((await edge.request("/v1/limits", { method: "PUT", body, token })).status).toBe(200);
    const overridden = await edge.request("/v1/time-out", {
      method: "POST",
      body: '{"minutes":60}',
      token,
      headers: { "x-http-method-override": "DELETE" },
    });
    expect(overridden.status).toBe(403);
    expect(edge.logs.at(-1)).toMatchObject({
      waf: {
        matches: expect.arrayContaining([
          {
            ruleId: "protocol-method-not-allowed",
            family: "protocol",
            target: "header.x-http-method-override",
          },
        ]),
      },
    });
  });

  it("blocks with 403 problem+json and a reference, logging the matched rules but never returning them", async () => {
    const edge = await harness({ inspect: () => ({ blocked: true, score: 5, matches: [match] }) });
    const response = await edge.request("/v1/games?q=1%27%20OR%201=1--");
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.reference).toMatch(/^waf_/);
    expect(body.instance).toBe(response.headers.get("x-request-id"));
    expect(text).not.toContain("942100");
    expect(text).not.toContain("sqli");
    expect(edge.originRequests).toHaveLength(0);
    expect(edge.logs[0]).toMatchObject({
      waf: { score: 5, matches: [match] },
      blocked: { by: "waf", reference: body.reference },
    });
  });

  it("logs matches below the threshold and forwards", async () => {
    const edge = await harness({ inspect: () => ({ blocked: false, score: 3, matches: [match] }) });
    expect((await edge.request("/v1/games")).status).toBe(200);
    expect(edge.logs[0]).toMatchObject({ waf: { score: 3 }, outcome: "forwarded" });
  });

  it("fails closed when the WAF throws", async () => {
    const edge = await harness({
      inspect: () => {
        throw new Error("boom");
      },
    });
    const response = await edge.request("/v1/games");
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("boom");
  });

  it("judges a body the API does not accept before refusing it: an attack gets 403, the rest 415", async () => {
    const edge = await harness({ inspect: inspectRequest });
    const form = { "content-type": "application/x-www-form-urlencoded", "cf-turnstile-response": "human" };
    const attack = await edge.request("/v1/auth/login", {
      method: "POST",
      body: "email=%27%20or%201%3D1--&password=x",
      headers: form,
    });
    expect(attack.status).toBe(403);
    expect(edge.logs.at(-1)).toMatchObject({ blocked: { by: "waf" } });
    const plain = await edge.request("/v1/auth/login", {
      method: "POST",
      body: "email=ann%40example.ie&password=x",
      headers: form,
    });
    expect(plain.status).toBe(415);
    expect(edge.originRequests).toHaveLength(0);
  });

  describe("requests for routes the edge does not front", () => {
    it("refuses a method no route serves", async () => {
      const edge = await harness({ inspect: inspectRequest });
      expect((await edge.request("/v1/unknown", { method: "PROPFIND" })).status).toBe(403);
    });

    it("refuses attacks with the WAF's 403 and a reference, and logs them", async () => {
      const edge = await harness({ inspect: inspectRequest });
      for (const path of [
        "/index.php?id=1%27%20union%20select%20password%20from%20users--",
        "/.env",
        "/cgi-bin/test.cgi?cmd=%3Bcat%20/etc/passwd",
        "/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
      ]) {
        const response = await edge.request(path);
        expect(response.status, path).toBe(403);
        expect(response.headers.get("content-type")).toBe("application/problem+json");
        const body = (await response.json()) as { reference: string; instance: string };
        expect(body.reference).toMatch(/^waf_/);
        expect(body.instance).toBe(response.headers.get("x-request-id"));
        expect(edge.logs.at(-1)).toMatchObject({
          routeId: "unrouted",
          outcome: "blocked",
          blocked: { by: "waf", reference: body.reference },
        });
      }
      expect(edge.originRequests).toHaveLength(0);
    });

    it("inspects a small body of any type, and reads no large one", async () => {
      const edge = await harness({ inspect: inspectRequest });
      const attack = "user=admin&pass=%27%20or%201%3D1--";
      const small = await edge.request("/wp-login.php", {
        method: "POST",
        body: attack,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(small.status).toBe(403);
      const large = await edge.request("/upload", {
        method: "POST",
        body: `${attack}&pad=${"a".repeat(70 * 1024)}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(large.status).toBe(404);
      expect(edge.originRequests).toHaveLength(0);
    });

    it("answers ordinary misses 404 problem+json, whatever method a route could have", async () => {
      const edge = await harness({ inspect: inspectRequest });
      for (const [method, path] of [
        ["GET", "/favicon.ico"],
        ["GET", "/v1/unknown"],
        ["GET", "/assets/app.3f2a9c.min.js?v=2"],
        ["PATCH", "/v1/players/me"],
        ["DELETE", "/v1/sessions/ses_1"],
      ] as const) {
        const response = await edge.request(path, { method });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.headers.get("content-type")).toBe("application/problem+json");
        expect(response.headers.get("x-request-id")).toMatch(/^req_/);
      }
      expect(edge.logs).toHaveLength(0);
    });
  });
});
