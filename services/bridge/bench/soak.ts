// `npm run soak:bridge`: many provider operations (bets, wins, rollbacks over many rounds and
// players), each sent 1 to 5 times — sometimes as the same request, sometimes as a retry with
// a new request id — concurrently and shuffled, so wins and rollbacks often arrive before
// their bets. Afterwards it proves: no operation's money was applied twice (ledger
// transaction counts equal accepted operations) and every balance equals what the accepted
// operations imply.
//
// Like a real provider it resends a call whose outcome is unknown (RS_ERROR_UNKNOWN, an HTTP
// error or no answer) until it gets a final one. To make unknown outcomes happen on purpose it
// pauses the ledger (SIGSTOP/SIGCONT) for longer than the bridge's ledger timeout at intervals,
// so some operations are applied by the ledger after the bridge has given up waiting for them.
// Options: --ops N (default 1,000,000) --players N --concurrency N --window N
// --stall-every SECONDS (0: no stalls) --stall-ms MS --ledger-timeout-ms MS
import { randomUUID } from "node:crypto";
import process from "node:process";
import { parseArgs } from "node:util";
import { type BenchPlayer, drive, GAME_CODE, startBenchStack } from "./stack.ts";

const { values } = parseArgs({
  options: {
    ops: { type: "string", default: "1000000" },
    players: { type: "string", default: "500" },
    concurrency: { type: "string", default: "48" },
    window: { type: "string", default: "2000" },
    "stall-every": { type: "string", default: "30" },
    "stall-ms": { type: "string", default: "2500" },
    "ledger-timeout-ms": { type: "string", default: "1000" },
  },
});
const say = (message: string) => console.log(`[soak:bridge] ${message}`);
const INITIAL = 1_000_000_000_000n;

interface Operation {
  kind: "bet" | "win" | "rollback";
  player: BenchPlayer;
  tx: string;
  round: string;
  amount: number;
  ref?: string;
  accepted: boolean;
  statuses: Set<string>;
}

/** One round: one or two bets, each then settled by a win (70 %, two in five of them zero) or rolled back (30 %). */
function roundOperations(player: BenchPlayer, random: () => number): Operation[] {
  const round = randomUUID();
  const ops: Operation[] = [];
  const bets = random() < 0.3 ? 2 : 1;
  for (let b = 0; b < bets; b++) {
    const bet: Operation = {
      kind: "bet",
      player,
      tx: randomUUID(),
      round,
      amount: 1 + Math.floor(random() * 500_000),
      accepted: false,
      statuses: new Set(),
    };
    ops.push(bet);
    if (random() < 0.7) {
      ops.push({
        kind: "win",
        player,
        tx: randomUUID(),
        round,
        // Most rounds are lost: the provider closes them with a zero win.
        amount: random() < 0.4 ? 0 : 1 + Math.floor(random() * 1_000_000),
        ref: bet.tx,
        accepted: false,
        statuses: new Set(),
      });
    } else {
      ops.push({
        kind: "rollback",
        player,
        tx: randomUUID(),
        round,
        amount: 0,
        ref: bet.tx,
        accepted: false,
        statuses: new Set(),
      });
    }
  }
  return ops;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const stack = await startBenchStack({
  say,
  bridgeEnv: { LEDGER_TIMEOUT_MS: String(values["ledger-timeout-ms"]) },
});
let exitCode = 0;
const unknown = { answers: 0, failures: 0 };
const MAX_ATTEMPTS = 50;

/** Sends one copy; an unknown outcome is resent (same request) with backoff until it is final. */
async function send({ op, body, signature }: { op: Operation; body: string; signature: string }) {
  for (let attempt = 1; ; attempt++) {
    let status: string | undefined;
    try {
      const response = await fetch(`${stack.walletUrl}/transaction/${op.kind}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub88-signature": signature },
        body,
      });
      if (response.status < 500) status = ((await response.json()) as { status: string }).status;
      else await response.body?.cancel();
    } catch {
      // No answer at all: as unknown as RS_ERROR_UNKNOWN.
    }
    if (status !== undefined && status !== "RS_ERROR_UNKNOWN") {
      op.statuses.add(status);
      if (status === "RS_OK") op.accepted = true;
      return;
    }
    if (status === "RS_ERROR_UNKNOWN") unknown.answers += 1;
    else unknown.failures += 1;
    if (attempt >= MAX_ATTEMPTS) {
      throw new Error(`${op.kind} ${op.tx}: no final answer after ${MAX_ATTEMPTS} attempts`);
    }
    const backoffMs = Math.min(2_000, 50 * 2 ** Math.min(attempt, 6));
    await new Promise((resolve) => setTimeout(resolve, backoffMs / 2 + Math.random() * (backoffMs / 2)));
  }
}

/** Pauses the ledger for `stall-ms` every `stall-every` seconds; returns how to stop doing so. */
function injectLedgerStalls(): { stop: () => void; count: () => number } {
  const every = Number(values["stall-every"]) * 1000;
  const pid = stack.pids.ledger;
  let stalls = 0;
  if (!every || !pid) return { stop: () => undefined, count: () => 0 };
  let resume: NodeJS.Timeout | undefined;
  const timer = setInterval(() => {
    process.kill(pid, "SIGSTOP");
    stalls += 1;
    resume = setTimeout(() => process.kill(pid, "SIGCONT"), Number(values["stall-ms"]));
  }, every);
  return {
    stop: () => {
      clearInterval(timer);
      clearTimeout(resume);
      process.kill(pid, "SIGCONT");
    },
    count: () => stalls,
  };
}
let stalls: { stop: () => void; count: () => number } = { stop: () => undefined, count: () => 0 };
try {
  const players = await stack.createPlayers(Number(values.players), INITIAL);
  say(`${players.length} players funded`);
  stalls = injectLedgerStalls();
  const random = Math.random;
  const total = Number(values.ops);
  const windowSize = Number(values.window);
  const all: Operation[] = [];
  let sent = 0;
  const started = performance.now();
  while (all.length < total) {
    const windowOps: Operation[] = [];
    while (windowOps.length < windowSize && all.length + windowOps.length < total) {
      windowOps.push(
        ...roundOperations(players[Math.floor(random() * players.length)] as BenchPlayer, random),
      );
    }
    all.push(...windowOps);
    const sends: { op: Operation; body: string; signature: string }[] = [];
    for (const op of windowOps) {
      const copies = 1 + Math.floor(random() * 5);
      let request = randomUUID();
      for (let c = 0; c < copies; c++) {
        if (c > 0 && random() < 0.5) request = randomUUID();
        const base = {
          user: op.player.playerId,
          token: op.player.token,
          request_uuid: request,
          transaction_uuid: op.tx,
          round: op.round,
          game_code: GAME_CODE,
        };
        const body =
          op.kind === "rollback"
            ? JSON.stringify({ ...base, reference_transaction_uuid: op.ref })
            : JSON.stringify({
                ...base,
                currency: "EUR",
                amount: op.amount,
                is_free: false,
                round_closed: op.kind === "win",
                ...(op.ref ? { reference_transaction_uuid: op.ref } : {}),
              });
        sends.push({ op, body, signature: stack.signBody(body) });
      }
    }
    shuffle(sends, random);
    sent += sends.length;
    await drive(sends, Number(values.concurrency), send);
    const seconds = (performance.now() - started) / 1000;
    say(
      `${all.length}/${total} operations, ${sent} requests, ${Math.round(sent / seconds)} req/s, ` +
        `${stalls.count()} ledger stalls, ${unknown.answers + unknown.failures} unknown outcomes resent`,
    );
  }
  // A provider retries a win until it gets a final answer: wins that only ever arrived before
  // their bet get one more copy (new request id) now that every bet has been seen.
  const retries = all
    .filter(
      (o) =>
        o.kind === "win" &&
        !o.accepted &&
        [...o.statuses].every((s) => s === "RS_ERROR_TRANSACTION_DOES_NOT_EXIST"),
    )
    .map((op) => {
      const body = JSON.stringify({
        user: op.player.playerId,
        token: op.player.token,
        request_uuid: randomUUID(),
        transaction_uuid: op.tx,
        round: op.round,
        game_code: GAME_CODE,
        currency: "EUR",
        amount: op.amount,
        is_free: false,
        round_closed: true,
        reference_transaction_uuid: op.ref,
      });
      return { op, body, signature: stack.signBody(body) };
    });
  sent += retries.length;
  await drive(retries, Number(values.concurrency), send);
  stalls.stop();
  const seconds = (performance.now() - started) / 1000;
  say(`${retries.length} late wins retried`);

  say("verifying every balance and transaction count against the accepted operations");
  const expected = new Map<string, { balance: bigint; bet: number; win: number; rollback: number }>();
  for (const player of players)
    expected.set(player.playerId, { balance: INITIAL, bet: 0, win: 0, rollback: 0 });
  const betById = new Map(all.filter((o) => o.kind === "bet").map((o) => [o.tx, o]));
  let conflicting = 0;
  for (const op of all) {
    const e = expected.get(op.player.playerId) as {
      balance: bigint;
      bet: number;
      win: number;
      rollback: number;
    };
    if (
      op.accepted &&
      op.statuses.size > 1 &&
      [...op.statuses].some((s) => s !== "RS_OK" && s !== "RS_ERROR_TRANSACTION_DOES_NOT_EXIST")
    ) {
      conflicting += 1;
    }
    if (!op.accepted) continue;
    if (op.kind === "bet") {
      e.balance -= BigInt(op.amount);
      e.bet += 1;
    } else if (op.kind === "win") {
      e.balance += BigInt(op.amount);
      e.win += 1;
    } else {
      const bet = betById.get(op.ref as string);
      if (bet?.accepted) {
        e.balance += BigInt(bet.amount);
        e.rollback += 1;
      }
    }
  }
  let mismatched = 0;
  for (const player of players) {
    const view = await stack.ledgerView(player.playerId);
    const e = expected.get(player.playerId) as {
      balance: bigint;
      bet: number;
      win: number;
      rollback: number;
    };
    const ok =
      view.total === e.balance &&
      (view.kinds.bet ?? 0) === e.bet &&
      (view.kinds.win ?? 0) === e.win &&
      (view.kinds.rollback ?? 0) === e.rollback;
    if (!ok) {
      mismatched += 1;
      if (mismatched <= 5)
        say(
          `MISMATCH ${player.playerId}: ledger ${JSON.stringify({ ...view, total: String(view.total) })} expected ${JSON.stringify({ ...e, balance: String(e.balance) })}`,
        );
    }
  }
  const count = (kind: Operation["kind"], accepted: boolean) =>
    all.filter((o) => o.kind === kind && o.accepted === accepted).length;
  const result = {
    operations: all.length,
    requests: sent,
    seconds: Number(seconds.toFixed(1)),
    requestsPerSecond: Math.round(sent / seconds),
    accepted: { bet: count("bet", true), win: count("win", true), rollback: count("rollback", true) },
    refused: { bet: count("bet", false), win: count("win", false), rollback: count("rollback", false) },
    playersChecked: players.length,
    playersMismatched: mismatched,
    operationsWithContradictoryAnswers: conflicting,
    ledgerStalls: stalls.count(),
    unknownOutcomesResent: unknown,
  };
  console.log(JSON.stringify(result, null, 2));
  if (mismatched > 0 || conflicting > 0) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  stalls.stop();
  await stack.stop();
}
process.exit(exitCode);
