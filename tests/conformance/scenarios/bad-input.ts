import { setPath } from "../drivers/driver.ts";
import type { Player } from "../platform.ts";
import { assert, expectBalance, expectStatus, type Scenario, type ScenarioContext } from "./scenario.ts";

/** Every bad-input scenario: the protocol's own status, HTTP 200, and no money moved. */
function badInput(
  name: string,
  expected: Parameters<typeof expectStatus>[2],
  make: (
    t: ScenarioContext,
    p: Player,
  ) => {
    body: string | Record<string, unknown>;
    signature?: "valid" | "none" | "foreign" | "garbage";
    partner?: string;
  },
  kind: "bet" | "win" | "rollback" = "bet",
): Scenario {
  return {
    name: `bad input: ${name}`,
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const { body, ...options } = make(t, p);
      const r = await t.driver.send(kind, body, options);
      expectStatus(t, r, expected);
      await expectBalance(t, p, 1_000_000n);
    },
  };
}

export const badInputScenarios: Scenario[] = [
  badInput("malformed JSON is WRONG_SYNTAX", "wrong_syntax", () => ({ body: '{"user": "x", "amount": ' })),
  badInput("an empty body is WRONG_SYNTAX", "wrong_syntax", () => ({ body: "" })),
  badInput("a JSON array is WRONG_SYNTAX", "wrong_syntax", () => ({ body: "[1,2,3]" })),
  badInput("a JSON string is WRONG_SYNTAX", "wrong_syntax", () => ({ body: '"bet"' })),
  badInput("a missing transaction id is WRONG_SYNTAX", "wrong_syntax", (t, p) => ({
    body: setPath(t.driver.body("bet", p), t.driver.field("tx"), undefined),
  })),
  badInput("a missing amount is WRONG_SYNTAX", "wrong_syntax", (t, p) => ({
    body: setPath(t.driver.body("bet", p), t.driver.field("amount"), undefined),
  })),
  badInput("a missing user is WRONG_SYNTAX", "wrong_syntax", (t, p) => ({
    body: setPath(t.driver.body("bet", p), t.driver.field("user"), undefined),
  })),
  badInput("an amount sent as a string is WRONG_TYPES", "wrong_types", (t, p) => ({
    body: setPath(t.driver.body("bet", p), t.driver.field("amount"), "100000"),
  })),
  badInput("a negative amount is WRONG_TYPES", "wrong_types", (t, p) => ({
    body: setPath(t.driver.body("bet", p), t.driver.field("amount"), -100),
  })),
  badInput("an amount finer than the protocol's unit is WRONG_TYPES", "wrong_types", (t, p) => ({
    body: setPath(
      t.driver.body("bet", p),
      t.driver.field("amount"),
      t.driver.adapter === "hub88" ? 100.5 : 1.000001,
    ),
  })),
  badInput("a user sent as a number is WRONG_TYPES", "wrong_types", (t, p) => ({
    body: setPath(t.driver.body("bet", p), t.driver.field("user"), 12345),
  })),
  badInput("round_closed sent as a string is WRONG_TYPES", "wrong_types", (t, p) => ({
    body: setPath(t.driver.body("bet", p), t.driver.field("roundClosed"), "yes"),
  })),
  badInput("a round sent as an object is WRONG_TYPES", "wrong_types", (t, p) => ({
    body: setPath(t.driver.body("bet", p), t.driver.field("round"), { id: 1 }),
  })),
  badInput("an unsigned request is INVALID_SIGNATURE", "invalid_signature", (t, p) => ({
    body: t.driver.body("bet", p),
    signature: "none",
  })),
  badInput("a request signed by another key is INVALID_SIGNATURE", "invalid_signature", (t, p) => ({
    body: t.driver.body("bet", p),
    signature: "foreign",
  })),
  badInput("a garbage signature is INVALID_SIGNATURE", "invalid_signature", (t, p) => ({
    body: t.driver.body("bet", p),
    signature: "garbage",
  })),
  badInput(
    "a win signed by another key is INVALID_SIGNATURE",
    "invalid_signature",
    (t, p) => ({
      body: t.driver.body("win", p),
      signature: "foreign",
    }),
    "win",
  ),
  badInput(
    "a rollback without a signature is INVALID_SIGNATURE",
    "invalid_signature",
    (t, p) => ({
      body: t.driver.body("rollback", p),
      signature: "none",
    }),
    "rollback",
  ),
  badInput("an unknown partner is INVALID_PARTNER", "invalid_partner", (t, p) => ({
    body: t.driver.body("bet", p),
    partner: "no-such-partner",
  })),
  badInput("an oversized body is refused in the protocol's format", "wrong_syntax", (t, p) => ({
    body: { ...t.driver.body("bet", p), padding: "x".repeat(1_100_000) },
  })),
  {
    name: "bad input: a body changed after signing is INVALID_SIGNATURE",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const body = t.driver.body("bet", p);
      const text = JSON.stringify(body);
      // A valid signature of the original body, sent with one digit of the amount changed.
      const tampered = text.replace(/"amount":(\d)/, '"amount":9$1');
      assert.notEqual(tampered, text);
      const r = await t.driver.send("bet", tampered, { signOver: text });
      expectStatus(t, r, "invalid_signature");
      await expectBalance(t, p, 1_000_000n);
    },
  },
  {
    name: "bad input: a non-JSON content type is answered in the protocol's format, not as HTTP 415",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const r = await t.driver.send("bet", t.driver.body("bet", p), { contentType: "text/plain" });
      assert.equal(r.http, 200);
      assert.ok(typeof r.body.status === "string", "a protocol status");
    },
  },
  {
    name: "bad input: a refused request never answers with HTTP 5xx",
    async run(t) {
      const p = await t.platform.player({ balance: 1_000_000n });
      const bodies = [
        "{",
        "null",
        "{}",
        JSON.stringify(setPath(t.driver.body("bet", p), t.driver.field("amount"), null)),
      ];
      for (const body of bodies) {
        const r = await t.driver.send("bet", body);
        assert.ok(r.http < 500, `HTTP ${r.http} for ${body}`);
      }
      await expectBalance(t, p, 1_000_000n);
    },
  },
];
