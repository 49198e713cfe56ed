import { describe, expect, it } from "vitest";
import type { Hub88Client } from "./hub88-client.ts";
import { playSlotRound } from "./play-round.ts";

/** A client that answers every bet with one status and records what was sent. */
function fakeClient(betStatus: string) {
  const sent: string[] = [];
  const answer = (kind: string) => async () => {
    sent.push(kind);
    return { status: kind === "bet" ? betStatus : "RS_OK" };
  };
  const client = {
    bet: answer("bet"),
    win: answer("win"),
    rollback: answer("rollback"),
  } as unknown as Hub88Client;
  return { client, sent };
}

const session = { user: "ply_1", token: "t", currency: "EUR", gameCode: "g" };

describe("a simulated slot round", () => {
  it("stops after a final bet refusal such as a stake over the game's limit, rolling nothing back", async () => {
    const { client, sent } = fakeClient("RS_ERROR_BET_LIMIT_EXCEEDED");
    const result = await playSlotRound(client, session, { stake: 100_000, random: () => 0.5 });
    expect(result).toMatchObject({ bet: "RS_ERROR_BET_LIMIT_EXCEEDED", payout: 0 });
    expect(sent).toEqual(["bet"]);
  });

  it("rolls back a bet without a definite answer", async () => {
    const { client, sent } = fakeClient("RS_ERROR_UNKNOWN");
    const result = await playSlotRound(client, session, { stake: 100_000, random: () => 0.5, retries: 1 });
    expect(result.rollback).toBe("RS_OK");
    expect(sent).toEqual(["bet", "rollback"]);
  });
});
