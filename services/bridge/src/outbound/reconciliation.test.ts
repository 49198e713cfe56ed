import { describe, expect, it } from "vitest";
import { compareReport } from "./reconciliation.ts";

const row = (uuid: string, over: Partial<Parameters<typeof compareReport>[1][number]> = {}) => ({
  transaction_uuid: uuid,
  kind: "bet",
  player_id: "ply_1",
  currency: "EUR",
  amount: 100_000n,
  outcome: "ok",
  ledger_tx_id: "tx_1",
  ...over,
});
const reported = (uuid: string, over: Partial<Parameters<typeof compareReport>[0][number]> = {}) => ({
  transaction_uuid: uuid,
  kind: "bet",
  user: "ply_1",
  currency: "EUR",
  amount: 100_000,
  status: "ok" as const,
  ...over,
});

describe("reconciliation", () => {
  it("finds nothing when both sides agree", () => {
    expect(
      compareReport(
        [reported("a"), reported("b", { status: "failed" })],
        [row("a"), row("b", { outcome: "insufficient_funds" })],
      ),
    ).toEqual([]);
  });

  it("flags every kind of mismatch", () => {
    const kinds = compareReport(
      [
        reported("missing"),
        reported("amount", { amount: 1 }),
        reported("status", { status: "failed" }),
        reported("player", { user: "ply_2" }),
      ],
      [row("amount"), row("status"), row("player"), row("extra")],
    ).map((m) => `${m.transactionUuid}:${m.kind}`);
    expect(kinds.sort()).toEqual(
      [
        "missing:missing_on_operator",
        "amount:amount_mismatch",
        "status:status_mismatch",
        "player:player_mismatch",
        "extra:missing_on_provider",
      ].sort(),
    );
  });
});
