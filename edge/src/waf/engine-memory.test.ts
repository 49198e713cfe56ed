import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inspectWith } from "./engine.ts";
import { QuietValues } from "./quiet-values.ts";
import { REQUEST_RULES, VALUE_RULES } from "./rules/index.ts";
import type { InspectOptions, WafRequest } from "./types.ts";

// Benign values and attacks, short enough to be remembered, drawn again and again into every place a
// client can put them, so that values meet each other across requests, targets and header names.
const VALUES = [
  "EUR",
  "daily",
  "player-initiated",
  "en-GB,en;q=0.9",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko)",
  "https://play.croupier.example/account/limits",
  "application/json",
  "2027-03-05T10:00:00.000Z",
  "It's fine, isn't it? 2 > 1",
  "1 OR 1=1",
  "' union select password from users--",
  "<script>alert(1)</script>",
  "javascript:alert(document.cookie)",
  "../../../../etc/passwd",
  "; cat /etc/passwd",
  "$(id)",
  "__proto__",
  "sqlmap/1.7",
  "http://169.254.169.254/latest/meta-data/",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, literally
  "${jndi:ldap://x.example/a}",
  "<?php system($_GET['c']); ?>",
];

const value = fc.constantFrom(...VALUES);
const requestOf = fc
  .record({
    query: value,
    userAgent: value,
    referer: value,
    custom: value,
    cookie: value,
    bodyValues: fc.array(value, { maxLength: 4 }),
  })
  .map(
    ({ query, userAgent, referer, custom, cookie, bodyValues }): WafRequest => ({
      method: "POST",
      url: `https://api.croupier.test/v1/limits?note=${encodeURIComponent(query)}`,
      headers: new Map([
        ["host", "api.croupier.test"],
        ["user-agent", userAgent],
        ["referer", referer],
        ["x-client-note", custom],
        ["cookie", `pref=${encodeURIComponent(cookie)}`],
        ["content-type", "application/json"],
      ]),
      body: JSON.stringify({ values: bodyValues, first: bodyValues[0] ?? "" }),
      contentType: "application/json",
    }),
  );

const options: InspectOptions = { paranoiaLevel: 2, routeId: "api", allowedMethods: ["POST"] };

describe("the WAF's memory of quiet values across requests", () => {
  it("never changes a verdict: a request judged with a warm memory scores as with none", () => {
    fc.assert(
      fc.property(fc.array(requestOf, { minLength: 2, maxLength: 12 }), (requests) => {
        // A tiny memory, so that generations turn over within a sequence too.
        const shared = new QuietValues(6);
        for (const request of requests) {
          const warm = inspectWith(request, options, VALUE_RULES, REQUEST_RULES, shared);
          const cold = inspectWith(request, options, VALUE_RULES, REQUEST_RULES, new QuietValues(6));
          expect(warm).toEqual(cold);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("blocks an attack every time it comes back", () => {
    const shared = new QuietValues(64);
    const attack: WafRequest = {
      method: "GET",
      url: "https://api.croupier.test/v1/games?q=%27%20union%20select%20password%20from%20users--",
      headers: new Map([["host", "api.croupier.test"]]),
      body: null,
      contentType: null,
    };
    for (let round = 0; round < 3; round++) {
      expect(inspectWith(attack, options, VALUE_RULES, REQUEST_RULES, shared).blocked).toBe(true);
    }
  });
});
