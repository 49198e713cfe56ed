import { beforeAll, describe, expect, it } from "vitest";
import { importPrivateKeyPem, type SigningKey, signBody } from "../../signing/rsa.ts";
import { buildUnitApp } from "../../testing/unit-app.ts";

let h: Awaited<ReturnType<typeof buildUnitApp>>;
let key: SigningKey;
const uuid = () => crypto.randomUUID();

beforeAll(async () => {
  h = await buildUnitApp();
  key = await importPrivateKeyPem(h.providerKeys.privateKeyPem);
});

async function call(path: string, body: Record<string, unknown>) {
  const text = JSON.stringify(body);
  const response = await h.app.request(`/providers/evolution/acme-live${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Signature": await signBody(key, text) },
    body: text,
  });
  return (await response.json()) as { status: string; balance?: number };
}

function money(
  p: { playerId: string; token: string },
  tx: { id: string; refId: string; amount: number },
  round = "rnd-1",
) {
  return {
    sid: p.token,
    userId: p.playerId,
    currency: "EUR",
    uuid: uuid(),
    game: { id: round, type: "fruit" },
    transaction: tx,
  };
}

describe("Evolution-style adapter", () => {
  it("debits, credits and answers decimal balances", async () => {
    const p = await h.player({ provider: "acme-live", balance: 1_000_000n });
    const debit = uuid();
    expect(await call("/debit", money(p, { id: debit, refId: debit, amount: 2.5 }))).toMatchObject({
      status: "OK",
      balance: 7.5,
    });
    expect(await call("/credit", money(p, { id: uuid(), refId: debit, amount: 0.00001 }))).toMatchObject({
      status: "OK",
      balance: 7.50001,
    });
  });

  it("maps refusals to the protocol's statuses", async () => {
    const p = await h.player({ provider: "acme-live", balance: 100_000n });
    const id = uuid();
    expect((await call("/debit", money(p, { id, refId: id, amount: 5 }))).status).toBe("INSUFFICIENT_FUNDS");
    expect((await call("/credit", money(p, { id: uuid(), refId: uuid(), amount: 1 }))).status).toBe(
      "BET_DOES_NOT_EXIST",
    );
    expect((await call("/debit", money(p, { id: uuid(), refId: "x", amount: 0.000001 }))).status).toBe(
      "INVALID_PARAMETER",
    );
    expect(
      (await call("/debit", { ...money(p, { id: uuid(), refId: "x", amount: 1 }), sid: uuid() })).status,
    ).toBe("INVALID_SID");
  });

  it("cancels an unknown debit with OK and refuses the late debit", async () => {
    const p = await h.player({ provider: "acme-live", balance: 1_000_000n });
    const id = uuid();
    expect((await call("/cancel", money(p, { id: uuid(), refId: id, amount: 0 }))).status).toBe("OK");
    expect((await call("/debit", money(p, { id, refId: id, amount: 1 }))).status).toBe("BET_ALREADY_SETTLED");
  });
});
