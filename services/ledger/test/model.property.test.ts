// Property-based: random sequences of operations (deposits, bets, wins, rollbacks, withdrawals,
// replays and key conflicts), sent concurrently across players and as concurrent duplicates,
// with bets, wins and rollbacks arriving out of order; every answer is checked against a model,
// and after every run the database invariants must hold.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LedgerFixture, ledgerFixture, uid } from "./support/fixture.ts";
import { ledgerViolations } from "./support/invariants.ts";

let fx: LedgerFixture;

type Op =
  | { t: "deposit"; amount: number }
  | { t: "bet"; bet: number; amount: number }
  | { t: "win"; bet: number; amount: number }
  | { t: "rollback"; bet: number }
  | { t: "withdraw"; amount: number }
  | { t: "replay"; pick: number }
  | { t: "conflict"; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant("deposit" as const), amount: fc.integer({ min: 1, max: 500 }) }),
  fc.record({
    t: fc.constant("bet" as const),
    bet: fc.integer({ min: 0, max: 4 }),
    amount: fc.integer({ min: 0, max: 300 }),
  }),
  fc.record({
    t: fc.constant("win" as const),
    bet: fc.integer({ min: 0, max: 4 }),
    amount: fc.integer({ min: 0, max: 400 }),
  }),
  fc.record({ t: fc.constant("rollback" as const), bet: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ t: fc.constant("withdraw" as const), amount: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ t: fc.constant("replay" as const), pick: fc.nat() }),
  fc.record({ t: fc.constant("conflict" as const), pick: fc.nat() }),
);
const stepArb = fc.record({
  player: fc.integer({ min: 0, max: 2 }),
  op: opArb,
  copies: fc.integer({ min: 1, max: 2 }),
});
const scenarioArb = fc.array(fc.array(stepArb, { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 16,
});

interface Sent {
  path: string;
  key: string;
  body: Record<string, unknown>;
  kind: "deposit" | "bet" | "win" | "rollback" | "withdraw";
  stored?: { status: number; body: unknown };
}

interface PlayerModel {
  id: string;
  cash: number;
  held: number;
  bets: Map<
    string,
    { status: "open" | "settled" | "rolled_back" | "tombstone"; amount: number; body?: unknown }
  >;
  sent: Sent[];
}

interface Expectation {
  status: number;
  code?: string;
  /** The exact body expected (replays). */
  body?: unknown;
  cash?: number;
}

/** Applies a request to the model and says what the ledger must answer. */
function evaluate(p: PlayerModel, s: Sent): Expectation {
  const amount = Number(s.body.amount ?? 0);
  switch (s.kind) {
    case "deposit":
      p.cash += amount;
      return { status: 201, cash: p.cash };
    case "withdraw":
      if (p.cash < amount) return { status: 422, code: "insufficient_funds" };
      p.cash -= amount;
      p.held += amount;
      return { status: 201, cash: p.cash };
    case "bet": {
      const bet = p.bets.get(String(s.body.betId));
      if (bet) {
        if (bet.status === "rolled_back" || bet.status === "tombstone")
          return { status: 409, code: "bet_rolled_back" };
        if (bet.amount === amount) return { status: 201, body: bet.body };
        return { status: 409, code: "duplicate_bet" };
      }
      if (p.cash < amount) return { status: 422, code: "insufficient_funds" };
      p.cash -= amount;
      p.bets.set(String(s.body.betId), { status: "open", amount });
      return { status: 201, cash: p.cash };
    }
    case "win": {
      const bet = p.bets.get(String(s.body.betId));
      if (!bet) return { status: 404, code: "unknown_reference" };
      if (bet.status === "rolled_back" || bet.status === "tombstone")
        return { status: 409, code: "already_rolled_back" };
      bet.status = "settled";
      p.cash += amount;
      return { status: 201, cash: p.cash };
    }
    case "rollback": {
      const betId = String(s.body.betId);
      const bet = p.bets.get(betId);
      if (!bet) {
        p.bets.set(betId, { status: "tombstone", amount: 0 });
        return { status: 201, cash: p.cash };
      }
      if (bet.status === "settled") return { status: 409, code: "already_settled" };
      if (bet.status === "open") {
        bet.status = "rolled_back";
        p.cash += bet.amount;
      }
      return { status: 201, cash: p.cash };
    }
  }
}

function request(p: PlayerModel, op: Op, run: string): Sent | undefined {
  const base = { playerId: p.id, currency: "EUR" };
  const betId = (n: number) => `${run}-${p.id}-b${n}`;
  const game = { gameId: "g", providerId: "prov" };
  switch (op.t) {
    case "deposit":
      return {
        kind: "deposit",
        path: "/v1/deposits",
        key: uid("k"),
        body: { ...base, amount: String(op.amount), depositId: uid("dep"), psp: "t", pspReference: "r" },
      };
    case "withdraw":
      return {
        kind: "withdraw",
        path: "/v1/withdrawals",
        key: uid("k"),
        body: { ...base, amount: String(op.amount), withdrawalId: uid("wd") },
      };
    case "bet":
      return {
        kind: "bet",
        path: "/v1/bets",
        key: uid("k"),
        body: {
          ...base,
          amount: String(op.amount),
          betId: betId(op.bet),
          roundId: `r-${betId(op.bet)}`,
          ...game,
        },
      };
    case "win":
      return {
        kind: "win",
        path: "/v1/wins",
        key: uid("k"),
        body: {
          ...base,
          amount: String(op.amount),
          winId: uid("win"),
          betId: betId(op.bet),
          roundId: `r-${betId(op.bet)}`,
          ...game,
        },
      };
    case "rollback":
      return {
        kind: "rollback",
        path: "/v1/rollbacks",
        key: uid("k"),
        body: { ...base, rollbackId: uid("rb"), betId: betId(op.bet), providerId: "prov" },
      };
    case "replay": {
      const earlier = p.sent[op.pick % Math.max(p.sent.length, 1)];
      return earlier && { ...earlier, stored: earlier.stored };
    }
    case "conflict": {
      const candidates = p.sent.filter((s) => s.body.amount !== undefined && s.stored);
      const earlier = candidates[op.pick % Math.max(candidates.length, 1)];
      return (
        earlier && {
          ...earlier,
          body: { ...earlier.body, amount: String(Number(earlier.body.amount) + 1) },
          stored: earlier.stored,
        }
      );
    }
  }
}

const callerOf = (s: Sent) => (s.kind === "deposit" || s.kind === "withdraw" ? "cashier" : "bridge");

async function runScenario(scenario: { player: number; op: Op; copies: number }[][]) {
  const run = uid("run");
  const players: PlayerModel[] = [];
  for (let i = 0; i < 3; i++) {
    const id = uid("ply");
    await fx.call("player-api", "POST", `/v1/players/${id}/accounts`, {
      currency: "EUR",
      jurisdiction: "eu",
    });
    players.push({ id, cash: 0, held: 0, bets: new Map(), sent: [] });
  }
  for (const batch of scenario) {
    const seen = new Set<number>();
    const steps = batch.filter((s) => !seen.has(s.player) && seen.add(s.player));
    await Promise.all(
      steps.map(async (step) => {
        const p = players[step.player] as PlayerModel;
        const s = request(p, step.op, run);
        if (!s) return;
        const isConflict = step.op.t === "conflict";
        const isReplay = step.op.t === "replay";
        let expected: Expectation;
        if (s.stored && isConflict) expected = { status: 409, code: "idempotency_conflict" };
        else if (s.stored && isReplay) expected = { status: s.stored.status, body: s.stored.body };
        else expected = evaluate(p, s);
        const answers = await Promise.all(
          Array.from({ length: step.copies }, () =>
            fx.call(callerOf(s), "POST", s.path, s.body, { "idempotency-key": s.key }),
          ),
        );
        for (const answer of answers) {
          const context = `${s.kind} ${JSON.stringify(s.body)} → ${answer.status} ${JSON.stringify(answer.body)}`;
          expect(answer.status, context).toBe(expected.status);
          if (expected.code) expect(answer.body.code, context).toBe(expected.code);
          if (expected.body !== undefined) expect(answer.body, context).toEqual(expected.body);
          if (expected.cash !== undefined) {
            expect((answer.body.balance as { cash: string }).cash, context).toBe(String(expected.cash));
          }
        }
        const first = answers[0];
        if (!isConflict && !isReplay) {
          const record: Sent = {
            ...s,
            ...(first && first.status < 300 ? { stored: { status: first.status, body: first.body } } : {}),
          };
          p.sent.push(record);
          if (s.kind === "bet" && first?.status === 201) {
            const bet = p.bets.get(String(s.body.betId));
            if (bet && bet.body === undefined) bet.body = first.body;
          }
        } else if (isReplay && !s.stored && first && first.status < 300) {
          // a replayed request whose first attempt was refused was evaluated afresh; now its key is stored
          const original = p.sent.find((x) => x.key === s.key);
          if (original) original.stored = { status: first.status, body: first.body };
        }
      }),
    );
  }
  for (const p of players) {
    const res = await fx.call<{ balances: { cash: string; held: string }[] }>(
      "cashier",
      "GET",
      `/v1/players/${p.id}/balances`,
    );
    expect(res.body.balances[0]).toMatchObject({ cash: String(p.cash), held: String(p.held) });
  }
  expect(await ledgerViolations(fx.sql)).toEqual({});
}

describe.each([
  ["one transaction per operation", 0, 30],
  ["micro-batched", 2, 20],
])("ledger against a model (%s)", (_name, batchWindowMs, numRuns) => {
  beforeAll(async () => {
    fx = await ledgerFixture({ poolSize: 12, batchWindowMs });
  });
  afterAll(async () => {
    await fx?.close();
  });
  it("answers every random sequence like the model and keeps its invariants", async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, runScenario), { numRuns, endOnFailure: true });
  });
});
