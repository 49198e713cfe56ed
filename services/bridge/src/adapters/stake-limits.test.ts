// Stake limits of the registry as both protocols answer them (limits of the unit app: 0.01 to
// 50.00 EUR for the provider's games, up to 200.00 EUR on blackjack).
import { beforeAll, describe, expect, it } from "vitest";
import { importPrivateKeyPem, type SigningKey, signBody } from "../signing/rsa.ts";
import { buildUnitApp } from "../testing/unit-app.ts";

let h: Awaited<ReturnType<typeof buildUnitApp>>;
let evolutionKey: SigningKey;
const uuid = () => crypto.randomUUID();

beforeAll(async () => {
  h = await buildUnitApp();
  evolutionKey = await importPrivateKeyPem(h.providerKeys.privateKeyPem);
});

function bet(p: { playerId: string; token: string }, amount: number, extra: Record<string, unknown> = {}) {
  return {
    user: p.playerId,
    token: p.token,
    request_uuid: uuid(),
    transaction_uuid: uuid(),
    round: uuid(),
    game_code: "fruit",
    currency: "EUR",
    amount,
    is_free: false,
    round_closed: false,
    ...extra,
  };
}

describe("stake limits (Hub88-style)", () => {
  it("refuses a bet over the maximum with BET_LIMIT_EXCEEDED and the balance, moving nothing", async () => {
    const p = await h.player({ balance: 100_000_000n });
    const refused = await h.client.bet(bet(p, 5_000_001));
    expect(refused).toMatchObject({ status: "RS_ERROR_BET_LIMIT_EXCEEDED", balance: 100_000_000 });
    expect(h.wallet.balance(p.playerId, "EUR")).toBe(100_000_000n);
    expect(await h.client.bet(bet(p, 5_000_000))).toMatchObject({ status: "RS_OK", balance: 95_000_000 });
  });

  it("refuses a bet under the minimum the same way", async () => {
    const p = await h.player({ balance: 1_000_000n });
    expect((await h.client.bet(bet(p, 999))).status).toBe("RS_ERROR_BET_LIMIT_EXCEEDED");
    expect((await h.client.bet(bet(p, 1_000))).status).toBe("RS_OK");
  });

  it("gives a replayed over-limit bet the same answer, even after the limit was raised", async () => {
    const p = await h.player({ balance: 100_000_000n });
    const body = bet(p, 6_000_000);
    const first = await h.client.bet(body);
    const limits = h.provider.stakeLimits;
    h.provider.stakeLimits = { EUR: { minBet: null, maxBet: 10_000_000n } };
    try {
      expect(await h.client.bet(body)).toEqual(first);
      expect(await h.client.bet({ ...body, request_uuid: uuid() })).toMatchObject({
        status: "RS_ERROR_BET_LIMIT_EXCEEDED",
        balance: 100_000_000,
      });
      // The same transaction id cannot come back with another amount.
      expect((await h.client.bet({ ...body, request_uuid: uuid(), amount: 100_000 })).status).toBe(
        "RS_ERROR_DUPLICATE_TRANSACTION",
      );
    } finally {
      h.provider.stakeLimits = limits;
    }
    expect(h.wallet.balance(p.playerId, "EUR")).toBe(100_000_000n);
  });

  it("applies a game's own limit over the provider's default", async () => {
    const p = await h.player({ balance: 100_000_000n, game: "blackjack" });
    const table = { game_code: "blackjack" };
    expect((await h.client.bet(bet(p, 20_000_000, table))).status).toBe("RS_OK");
    expect((await h.client.bet(bet(p, 20_000_001, table))).status).toBe("RS_ERROR_BET_LIMIT_EXCEEDED");
    // No minimum on that table in EUR: the provider's minimum does not leak into the override.
    expect((await h.client.bet(bet(p, 1, table))).status).toBe("RS_OK");
  });

  it("limits neither wins, nor free bets, nor currencies without a limit", async () => {
    const p = await h.player({ balance: 1_000_000n });
    const placed = bet(p, 100_000);
    await h.client.bet(placed);
    const win = await h.client.win({
      ...placed,
      request_uuid: uuid(),
      transaction_uuid: uuid(),
      amount: 90_000_000,
      reference_transaction_uuid: placed.transaction_uuid,
      round_closed: true,
    });
    expect(win).toMatchObject({ status: "RS_OK", balance: 90_900_000 });
    expect((await h.client.bet(bet(p, 9_000_000, { is_free: true }))).status).toBe("RS_OK");
    const btc = await h.player({ balance: 10n ** 12n, currency: "BTC" });
    expect((await h.client.bet(bet(btc, 50_000_000, { currency: "BTC" }))).status).toBe("RS_OK");
  });

  it("keeps LIMIT_REACHED for the ledger's responsible-gaming limits", async () => {
    const p = await h.player({ balance: 1_000_000n });
    h.wallet.open(p.playerId, "EUR", 1_000_000n, { lossRemaining: 50_000n });
    expect((await h.client.bet(bet(p, 100_000))).status).toBe("RS_ERROR_LIMIT_REACHED");
  });
});

describe("stake limits (Evolution-style)", () => {
  const debit = async (
    p: { playerId: string; token: string },
    amount: number,
    id = uuid(),
    round = uuid(),
  ) => {
    const text = JSON.stringify({
      sid: p.token,
      userId: p.playerId,
      currency: "EUR",
      uuid: uuid(),
      game: { id: round, type: "fruit" },
      transaction: { id, refId: id, amount },
    });
    const response = await h.app.request("/providers/evolution/acme-live/debit", {
      method: "POST",
      headers: { "content-type": "application/json", "X-Signature": await signBody(evolutionKey, text) },
      body: text,
    });
    return (await response.json()) as { status: string; balance?: number };
  };

  it("answers a debit over the maximum with CASINO_LIMIT_EXCEEDED_STAKE and moves nothing", async () => {
    const p = await h.player({ provider: "acme-live", balance: 100_000_000n });
    const [id, round] = [uuid(), uuid()];
    expect(await debit(p, 50.00001, id, round)).toMatchObject({
      status: "CASINO_LIMIT_EXCEEDED_STAKE",
      balance: 1000,
    });
    // A retry with a new request id gets the same answer.
    expect((await debit(p, 50.00001, id, round)).status).toBe("CASINO_LIMIT_EXCEEDED_STAKE");
    expect((await debit(p, 50)).status).toBe("OK");
    expect(h.wallet.balance(p.playerId, "EUR")).toBe(95_000_000n);
  });
});
