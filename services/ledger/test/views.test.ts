// Read models over HTTP against a real PostgreSQL: balances (current and as of an instant) and
// history, with exact bigint amounts, cursor paging and the multi-currency history rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fundedPlayer, type LedgerFixture, ledgerFixture, uid } from "./support/fixture.ts";

let fx: LedgerFixture;
beforeAll(async () => {
  fx = await ledgerFixture();
});
afterAll(async () => {
  await fx?.close();
});

interface Item {
  txId: string;
  kind: string;
  amount: string;
  currency: string;
  bucket: string;
  balanceAfter: { cash: string; bonus: string; held: string };
  reference: string | null;
  entrySeq: string;
  createdAt: string;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}
interface Balances {
  playerId: string;
  asOf?: string;
  balances: { currency: string; cash: string; bonus: string; total: string; held: string }[];
}

const key = () => ({ "idempotency-key": uid("k") });
const largest = "999999999999999999"; // the largest amount the wire accepts (18 digits)

async function deposit(playerId: string, currency: string, amount: string) {
  const res = await fx.call(
    "cashier",
    "POST",
    "/v1/deposits",
    { playerId, currency, amount, depositId: uid("dep"), psp: "test", pspReference: uid("psp") },
    key(),
  );
  expect(res.status).toBe(201);
}

async function openAccount(playerId: string, currency: string) {
  const res = await fx.call("player-api", "POST", `/v1/players/${playerId}/accounts`, {
    currency,
    jurisdiction: "eu",
  });
  expect(res.status).toBe(201);
}

async function bet(playerId: string, currency: string, amount: string) {
  const res = await fx.call(
    "bridge",
    "POST",
    "/v1/bets",
    {
      playerId,
      currency,
      amount,
      betId: uid("bet"),
      roundId: uid("rnd"),
      gameId: "g",
      providerId: "prov-views",
    },
    key(),
  );
  expect(res.status).toBe(201);
}

const historyOf = (playerId: string, query = "") =>
  fx.call<Page & { code?: string; currencies?: string[] }>(
    "player-api",
    "GET",
    `/v1/players/${playerId}/transactions${query}`,
  );

/** A player with an EUR and a GBP account, each with a deposit and a bet. */
async function twoCurrencyPlayer() {
  const playerId = await fundedPlayer(fx, "5000", "EUR");
  await openAccount(playerId, "GBP");
  await deposit(playerId, "GBP", "7000");
  await bet(playerId, "EUR", "100");
  await bet(playerId, "GBP", "300");
  return playerId;
}

describe("history of a player with accounts in several currencies", () => {
  it("answers 400 currency_required as problem+json listing the currencies when none is given", async () => {
    const playerId = await twoCurrencyPlayer();
    const res = await fx.request("player-api", "GET", `/v1/players/${playerId}/transactions`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({
      type: "urn:croupier:problem:currency_required",
      status: 400,
      code: "currency_required",
      currencies: ["EUR", "GBP"],
      detail: expect.stringContaining("EUR, GBP"),
    });
  });

  it("reads each account on its own when the currency is given", async () => {
    const playerId = await twoCurrencyPlayer();
    const eur = await historyOf(playerId, "?currency=EUR");
    const gbp = await historyOf(playerId, "?currency=GBP");
    expect(eur.status).toBe(200);
    expect(eur.body.items.map((i) => [i.currency, i.kind, i.amount, i.balanceAfter.cash])).toEqual([
      ["EUR", "bet", "-100", "4900"],
      ["EUR", "deposit", "5000", "5000"],
    ]);
    expect(gbp.body.items.map((i) => [i.currency, i.kind, i.amount, i.balanceAfter.cash])).toEqual([
      ["GBP", "bet", "-300", "6700"],
      ["GBP", "deposit", "7000", "7000"],
    ]);
  });

  it("answers 404 unknown_account for a currency the player has no account in", async () => {
    const playerId = await twoCurrencyPlayer();
    const res = await historyOf(playerId, "?currency=USD");
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("unknown_account");
  });
});

describe("history of a player with one account", () => {
  it("reads that account without a currency, the same as with it", async () => {
    const playerId = await fundedPlayer(fx, "1000", "GBP");
    await bet(playerId, "GBP", "250");
    const without = await historyOf(playerId);
    const withCurrency = await historyOf(playerId, "?currency=GBP");
    expect(without.status).toBe(200);
    expect(without.body).toEqual(withCurrency.body);
    expect(without.body.items.map((i) => [i.kind, i.bucket, i.amount, i.balanceAfter])).toEqual([
      ["bet", "cash", "-250", { cash: "750", bonus: "0", held: "0" }],
      ["deposit", "cash", "1000", { cash: "1000", bonus: "0", held: "0" }],
    ]);
    const [newest] = without.body.items;
    expect(newest?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(newest?.txId).toMatch(/^tx_/);
    expect(newest?.reference).toMatch(/^prov-views:bet_/); // a bet is referenced by provider and bet id
  });

  it("answers 404 unknown_account for a player without accounts", async () => {
    const res = await historyOf(uid("ply"));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("unknown_account");
  });

  it("pages through every entry exactly once, newest first, each balance following from the one before", async () => {
    const playerId = await fundedPlayer(fx, "100000");
    for (const amount of ["1", "22", "333", "4444", "5"]) await bet(playerId, "EUR", amount);
    const seen: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof historyOf>> = await historyOf(
        playerId,
        `?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((i) => i.entrySeq)).toEqual(["6", "5", "4", "3", "2", "1"]);
    expect(seen.map((i) => i.amount)).toEqual(["-5", "-4444", "-333", "-22", "-1", "100000"]);
    const oldestFirst = [...seen].reverse();
    let cash = 0n;
    for (const item of oldestFirst) {
      cash += BigInt(item.amount);
      expect(item.balanceAfter.cash).toBe(cash.toString());
    }
  });

  it("answers 400 bad_cursor for a cursor it did not issue, also one beyond any sequence number", async () => {
    const playerId = await fundedPlayer(fx, "10");
    for (const cursor of ["nonsense", btoa("seq:-1"), btoa("seq:9999999999999999999").replaceAll("=", "")]) {
      const res = await historyOf(playerId, `?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("bad_cursor");
    }
  });
});

describe("balances", () => {
  it("lists every currency with exact amounts at the largest values", async () => {
    const playerId = await fundedPlayer(fx, largest, "EUR");
    await openAccount(playerId, "USD");
    await deposit(playerId, "USD", largest);
    await deposit(playerId, "USD", largest);
    const res = await fx.call<Balances>("bridge", "GET", `/v1/players/${playerId}/balances`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      playerId,
      balances: [
        { currency: "EUR", cash: largest, bonus: "0", total: largest, held: "0" },
        { currency: "USD", cash: "1999999999999999998", bonus: "0", total: "1999999999999999998", held: "0" },
      ],
    });
    const history = await historyOf(playerId, "?currency=USD");
    expect(history.body.items.map((i) => [i.amount, i.balanceAfter.cash])).toEqual([
      [largest, "1999999999999999998"],
      [largest, largest],
    ]);
  });

  it("answers as of an instant: the state after the last entry at or before it, zero before the first", async () => {
    const playerId = await fundedPlayer(fx, "8000", "EUR");
    await openAccount(playerId, "GBP");
    await bet(playerId, "EUR", "1500");
    await deposit(playerId, "GBP", "900");
    const eur = (await historyOf(playerId, "?currency=EUR")).body.items;
    const gbp = (await historyOf(playerId, "?currency=GBP")).body.items;
    const at = async (instant: string) => {
      const res = await fx.call<Balances>(
        "cashier",
        "GET",
        `/v1/players/${playerId}/balances?asOf=${encodeURIComponent(instant)}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.asOf).toBe(instant);
      return res.body.balances.map((b) => [b.currency, b.cash, b.total]);
    };
    // At the first deposit the GBP account may or may not exist yet (same microsecond is unlikely but
    // possible), so that instant is checked on the EUR row only.
    expect((await at(eur[1]?.createdAt ?? ""))[0]).toEqual(["EUR", "8000", "8000"]);
    expect(await at(eur[0]?.createdAt ?? "")).toEqual([
      ["EUR", "6500", "6500"],
      ["GBP", "0", "0"],
    ]);
    expect(await at(gbp[0]?.createdAt ?? "")).toEqual([
      ["EUR", "6500", "6500"],
      ["GBP", "900", "900"],
    ]);
    expect(await at("2000-01-01T00:00:00Z")).toEqual([]);
  });

  it("answers 404 unknown_account for a player without accounts, and 400 for an instant out of range", async () => {
    const unknown = await fx.call("bridge", "GET", `/v1/players/${uid("ply")}/balances`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("unknown_account");
    const playerId = await fundedPlayer(fx, "1");
    const res = await fx.request(
      "cashier",
      "GET",
      `/v1/players/${playerId}/balances?asOf=${encodeURIComponent("0212-01-29T23:57:00.2-20:12")}`,
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await res.json()).code).toBe("bad_request");
  });
});
