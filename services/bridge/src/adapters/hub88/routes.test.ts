import { beforeAll, describe, expect, it } from "vitest";
import { buildUnitApp } from "../../testing/unit-app.ts";

type Harness = Awaited<ReturnType<typeof buildUnitApp>>;
let h: Harness;
const uuid = () => crypto.randomUUID();

beforeAll(async () => {
  h = await buildUnitApp();
});

function betBody(
  p: { playerId: string; token: string; currency: string },
  extra: Record<string, unknown> = {},
) {
  return {
    user: p.playerId,
    token: p.token,
    request_uuid: uuid(),
    transaction_uuid: uuid(),
    round: uuid(),
    game_code: "fruit",
    currency: p.currency,
    amount: 100_000,
    is_free: false,
    round_closed: false,
    ...extra,
  };
}

describe("Hub88-style adapter on the canonical model", () => {
  it("answers a balance with the session's currency, signed", async () => {
    const p = await h.player({ balance: 12_345_678n });
    const response = await h.client.balance({ user: p.playerId, token: p.token, request_uuid: uuid() });
    expect(response).toMatchObject({
      status: "RS_OK",
      user: p.playerId,
      currency: "EUR",
      balance: 12_345_678,
    });
  });

  it("debits a bet once, even when the same transaction is replayed with a new request id", async () => {
    const p = await h.player({ balance: 1_000_000n });
    const body = betBody(p);
    const first = await h.client.bet(body);
    const replay = await h.client.bet({ ...body, request_uuid: uuid() });
    expect(first).toMatchObject({ status: "RS_OK", balance: 900_000 });
    expect(replay).toMatchObject({ status: "RS_OK", balance: 900_000 });
    expect(h.wallet.balance(p.playerId, "EUR")).toBe(900_000n);
  });

  it("gives a duplicate request id the very same response", async () => {
    const p = await h.player({ balance: 1_000_000n });
    const body = betBody(p);
    const first = await h.client.bet(body);
    const again = await h.client.bet(body);
    expect(again).toEqual(first);
  });

  it("refuses the same transaction id with another amount as a duplicate transaction", async () => {
    const p = await h.player();
    const body = betBody(p);
    await h.client.bet(body);
    const other = await h.client.bet({ ...body, request_uuid: uuid(), amount: 200_000 });
    expect(other.status).toBe("RS_ERROR_DUPLICATE_TRANSACTION");
  });

  it("pays a win against a bet and refuses a win for an unknown bet", async () => {
    const p = await h.player({ balance: 1_000_000n });
    const bet = betBody(p);
    await h.client.bet(bet);
    const win = await h.client.win({
      ...bet,
      request_uuid: uuid(),
      transaction_uuid: uuid(),
      amount: 250_000,
      reference_transaction_uuid: bet.transaction_uuid,
      round_closed: true,
    });
    expect(win).toMatchObject({ status: "RS_OK", balance: 1_150_000 });
    const orphan = await h.client.win({
      ...bet,
      request_uuid: uuid(),
      transaction_uuid: uuid(),
      amount: 1,
      reference_transaction_uuid: uuid(),
    });
    expect(orphan.status).toBe("RS_ERROR_TRANSACTION_DOES_NOT_EXIST");
  });

  it("rolls back an unknown bet with RS_OK and refuses the late bet", async () => {
    const p = await h.player({ balance: 500_000n });
    const bet = betBody(p);
    const rollback = await h.client.rollback({
      user: p.playerId,
      token: p.token,
      request_uuid: uuid(),
      transaction_uuid: uuid(),
      round: bet.round,
      game_code: "fruit",
      reference_transaction_uuid: bet.transaction_uuid,
    });
    expect(rollback).toMatchObject({ status: "RS_OK", balance: 500_000 });
    const late = await h.client.bet(bet);
    expect(late.status).toBe("RS_ERROR_TRANSACTION_ROLLED_BACK");
    expect(h.wallet.balance(p.playerId, "EUR")).toBe(500_000n);
  });

  it("answers NOT_ENOUGH_MONEY with the actual balance and refuses disabled players' bets only", async () => {
    const p = await h.player({ balance: 50_000n });
    const poor = await h.client.bet(betBody(p));
    expect(poor).toMatchObject({ status: "RS_ERROR_NOT_ENOUGH_MONEY", balance: 50_000 });
    const q = await h.player({ balance: 1_000_000n });
    const bet = betBody(q);
    await h.client.bet(bet);
    h.wallet.setStatus(q.playerId, "EUR", "self_excluded");
    expect((await h.client.bet(betBody(q))).status).toBe("RS_ERROR_USER_DISABLED");
    const win = await h.client.win({
      ...bet,
      request_uuid: uuid(),
      transaction_uuid: uuid(),
      amount: 10,
      reference_transaction_uuid: bet.transaction_uuid,
    });
    expect(win.status).toBe("RS_OK");
  });

  it("refuses bets on expired tokens but still pays wins", async () => {
    const p = await h.player({ balance: 1_000_000n });
    const bet = betBody(p);
    await h.client.bet(bet);
    h.setNow(() => new Date(Date.now() + 2 * 3600_000));
    try {
      expect((await h.client.bet(betBody(p))).status).toBe("RS_ERROR_TOKEN_EXPIRED");
      const win = await h.client.win({
        ...bet,
        request_uuid: uuid(),
        transaction_uuid: uuid(),
        amount: 5,
        reference_transaction_uuid: bet.transaction_uuid,
      });
      expect(win.status).toBe("RS_OK");
    } finally {
      h.setNow(() => new Date());
    }
  });

  it("answers bad input in the protocol's statuses, never a 500", async () => {
    const p = await h.player();
    const send = async (body: string, signed = true) => {
      const r = await h.client.sendRaw(
        "/transaction/bet",
        body,
        signed ? { "X-Hub88-Signature": await h.client.signBody(body) } : {},
      );
      return {
        http: r.httpStatus,
        status: (JSON.parse(r.text) as { status: string }).status,
        signed: r.signatureValid,
      };
    };
    expect(await send("{not json")).toEqual({ http: 200, status: "RS_ERROR_WRONG_SYNTAX", signed: true });
    const missing = betBody(p) as Record<string, unknown>;
    delete missing.transaction_uuid;
    expect((await send(JSON.stringify(missing))).status).toBe("RS_ERROR_WRONG_SYNTAX");
    expect((await send(JSON.stringify({ ...betBody(p), amount: "100" }))).status).toBe(
      "RS_ERROR_WRONG_TYPES",
    );
    expect((await send(JSON.stringify(betBody(p)), false)).status).toBe("RS_ERROR_INVALID_SIGNATURE");
    expect((await send(JSON.stringify({ ...betBody(p), pad: "x".repeat(20_000) }))).status).toBe(
      "RS_ERROR_WRONG_SYNTAX",
    );
    const unknownPartner = await h.fetchApp("http://bridge.test/providers/hub88/nobody/transaction/bet", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "text/plain" },
    });
    expect(((await unknownPartner.json()) as { status: string }).status).toBe("RS_ERROR_INVALID_PARTNER");
    expect(h.wallet.balance(p.playerId, "EUR")).toBe(10_000_000n);
  });

  it("keeps one wire unit exact, also in a currency of a finer scale", async () => {
    const p = await h.player({ balance: 1_000n, currency: "BTC" });
    const bet = await h.client.bet({ ...betBody(p), amount: 1 });
    // 0.00001 BTC is 1,000 satoshi-units at scale 8; the wire shows the rest in its own unit.
    expect(bet).toMatchObject({ status: "RS_OK", balance: 0 });
    expect(h.wallet.balance(p.playerId, "BTC")).toBe(0n);
  });

  it("takes nothing from the balance for a free bet, and pays its win", async () => {
    const p = await h.player({ balance: 500_000n });
    const bet = betBody(p, { is_free: true, amount: 200_000 });
    expect(await h.client.bet(bet)).toMatchObject({ status: "RS_OK", balance: 500_000 });
    const win = await h.client.win({
      ...bet,
      request_uuid: uuid(),
      transaction_uuid: uuid(),
      is_free: true,
      amount: 300_000,
      reference_transaction_uuid: bet.transaction_uuid,
    });
    expect(win).toMatchObject({ status: "RS_OK", balance: 800_000 });
  });
});
