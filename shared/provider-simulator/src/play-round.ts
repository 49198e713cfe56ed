// One slot round as a real provider plays it: bet, spin, win (round closed). A bet without a
// definite answer is rolled back (the Hub88 retry policy), wins and rollbacks are retried with
// the same transaction id until the operator gives a final answer.
import type { Hub88Client, Hub88Response } from "./hub88-client.ts";
import { spin } from "./slot-game.ts";
import type { TransactionLog } from "./transaction-log.ts";

export interface PlayerSession {
  user: string;
  token: string;
  currency: string;
  gameCode: string;
}

export interface RoundResult {
  round: string;
  bet: string;
  win?: string;
  rollback?: string;
  stake: number;
  payout: number;
}

/** Refusals after which nothing moved and nothing is left to roll back. */
const FINAL_BET_REFUSALS = new Set([
  "RS_ERROR_NOT_ENOUGH_MONEY",
  "RS_ERROR_LIMIT_REACHED",
  "RS_ERROR_BET_LIMIT_EXCEEDED",
]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilFinal(send: () => Promise<Hub88Response>, attempts: number): Promise<Hub88Response> {
  let last: Hub88Response = { status: "RS_ERROR_UNKNOWN" };
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      last = await send();
      if (last.status !== "RS_ERROR_UNKNOWN") return last;
    } catch {
      last = { status: "NETWORK_ERROR" };
    }
    await sleep(Math.min(2_000, 50 * 2 ** attempt) * (0.5 + Math.random()));
  }
  return last;
}

export async function playSlotRound(
  client: Hub88Client,
  session: PlayerSession,
  options: { stake: number; log?: TransactionLog; random?: () => number; retries?: number },
): Promise<RoundResult> {
  const round = crypto.randomUUID();
  const betUuid = crypto.randomUUID();
  const base = {
    user: session.user,
    token: session.token,
    round,
    game_code: session.gameCode,
    currency: session.currency,
  };
  let bet: Hub88Response;
  try {
    bet = await client.bet({
      ...base,
      request_uuid: crypto.randomUUID(),
      transaction_uuid: betUuid,
      amount: options.stake,
      is_free: false,
      round_closed: false,
      bet: "spin",
    });
  } catch {
    bet = { status: "NETWORK_ERROR" };
  }
  options.log?.add({
    transaction_uuid: betUuid,
    kind: "bet",
    user: session.user,
    currency: session.currency,
    amount: options.stake,
    status: bet.status === "RS_OK" ? "ok" : "failed",
  });
  if (bet.status !== "RS_OK") {
    if (FINAL_BET_REFUSALS.has(bet.status))
      return { round, bet: bet.status, stake: options.stake, payout: 0 };
    const rollbackUuid = crypto.randomUUID();
    const rollback = await untilFinal(
      () =>
        client.rollback({
          user: session.user,
          token: session.token,
          round,
          game_code: session.gameCode,
          request_uuid: crypto.randomUUID(),
          transaction_uuid: rollbackUuid,
          reference_transaction_uuid: betUuid,
          round_closed: true,
        }),
      options.retries ?? 8,
    );
    options.log?.add({
      transaction_uuid: rollbackUuid,
      kind: "rollback",
      user: session.user,
      currency: session.currency,
      amount: 0,
      status: rollback.status === "RS_OK" ? "ok" : "failed",
    });
    return { round, bet: bet.status, rollback: rollback.status, stake: options.stake, payout: 0 };
  }
  const result = spin(options.random);
  const payout = options.stake * result.multiplier;
  const winUuid = crypto.randomUUID();
  const win = await untilFinal(
    () =>
      client.win({
        ...base,
        request_uuid: crypto.randomUUID(),
        transaction_uuid: winUuid,
        reference_transaction_uuid: betUuid,
        amount: payout,
        is_free: false,
        round_closed: true,
        bet: "spin",
      }),
    options.retries ?? 8,
  );
  options.log?.add({
    transaction_uuid: winUuid,
    kind: "win",
    user: session.user,
    currency: session.currency,
    amount: payout,
    status: win.status === "RS_OK" ? "ok" : "failed",
  });
  return { round, bet: bet.status, win: win.status, stake: options.stake, payout };
}
