// kill -9 the ledger process under load, restart it: the invariants hold, every acknowledged
// operation is present, and every unacknowledged one is either fully present or absent.
import { serviceTokenMinter } from "@croupier/core/service-auth";
import { type RunningService, startServiceProcess } from "@croupier/devstack/test-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/verify-chain.ts";
import { randomRegion } from "./support/events.ts";
import { fundedPlayer, type LedgerFixture, ledgerFixture, uid } from "./support/fixture.ts";
import { ledgerViolations } from "./support/invariants.ts";

let fx: LedgerFixture;
let service: RunningService | undefined;
const region = randomRegion();

beforeAll(async () => {
  fx = await ledgerFixture();
});
afterAll(async () => {
  await service?.stop();
  await fx?.close();
});

async function startLedger() {
  return startServiceProcess("ledger", {
    databaseUrl: fx.url,
    env: { SERVICE_CALLERS: fx.callersEnv, REGION: region, LOG_LEVEL: "error", DATABASE_POOL_SIZE: "8" },
  });
}

interface Attempt {
  key: string;
  body: Record<string, unknown>;
  status: number | "lost";
}

describe("crash", () => {
  it("survives kill -9 under load with every acknowledged operation present", async () => {
    const players = await Promise.all(Array.from({ length: 12 }, () => fundedPlayer(fx, "100000000")));
    service = await startLedger();
    const mint = serviceTokenMinter({ caller: "bridge", audience: "ledger", secret: fx.secrets.bridge });
    const send = async (url: string, a: Attempt) => {
      const res = await fetch(`${url}/v1/bets`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${await mint()}`,
          "content-type": "application/json",
          "idempotency-key": a.key,
        },
        body: JSON.stringify(a.body),
      });
      await res.body?.cancel();
      return res.status;
    };
    const attempts: Attempt[] = [];
    let stop = false;
    const url = service.url;
    const workers = Array.from({ length: 16 }, async (_, w) => {
      while (!stop) {
        const playerId = players[(w + attempts.length) % players.length] as string;
        const a: Attempt = {
          key: uid("k"),
          body: {
            playerId,
            currency: "EUR",
            amount: "100",
            betId: uid("bet"),
            roundId: uid("rnd"),
            gameId: "g",
            providerId: "p",
          },
          status: "lost",
        };
        attempts.push(a);
        try {
          a.status = await send(url, a);
        } catch {
          a.status = "lost";
          return; // the process is gone
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1_500));
    service.process.child.kill("SIGKILL");
    await service.process.exited;
    stop = true;
    await Promise.all(workers);

    const acknowledged = attempts.filter((a) => a.status === 201);
    const lost = attempts.filter((a) => a.status === "lost");
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(attempts.every((a) => a.status === 201 || a.status === "lost")).toBe(true);

    // after the crash, before any retry: acknowledged present, unacknowledged all-or-nothing
    expect(await ledgerViolations(fx.sql)).toEqual({});
    const keys = attempts.map((a) => a.key);
    const present = new Set(
      (
        await fx.sql<
          { idem_key: string }[]
        >`select idem_key from transactions where caller = 'bridge' and idem_key = any(${keys})`
      ).map((r) => r.idem_key),
    );
    const stored = new Set(
      (
        await fx.sql<
          { key: string }[]
        >`select key from idempotency_keys where caller = 'bridge' and key = any(${keys})`
      ).map((r) => r.key),
    );
    const betIds = attempts.map((a) => String(a.body.betId));
    const bets = new Set(
      (await fx.sql<{ bet_id: string }[]>`select bet_id from bets where bet_id = any(${betIds})`).map(
        (r) => r.bet_id,
      ),
    );
    for (const a of acknowledged) expect(present.has(a.key), `acknowledged ${a.key}`).toBe(true);
    for (const a of attempts) {
      expect(stored.has(a.key)).toBe(present.has(a.key));
      expect(bets.has(String(a.body.betId))).toBe(present.has(a.key));
    }

    // restart; retried lost requests are each applied exactly once
    service = await startLedger();
    for (const a of lost) expect(await send(service.url, a)).toBe(201);
    for (const a of acknowledged.slice(0, 20)) expect(await send(service.url, a)).toBe(201);
    const [count] = await fx.sql<{ n: number }[]>`
      select count(*)::int as n from transactions where caller = 'bridge' and idem_key = any(${keys})`;
    expect(count?.n).toBe(attempts.length);
    expect(await ledgerViolations(fx.sql)).toEqual({});
    expect((await verifyAuditChain(fx.sql)).ok).toBe(true);
    const balances = await Promise.all(
      players.map(
        async (p) =>
          (await fx.sql<{ cash: bigint }[]>`select cash from accounts where player_id = ${p}`)[0]?.cash ?? 0n,
      ),
    );
    const total = balances.reduce((sum, b) => sum + b, 0n);
    expect(total).toBe(12n * 100_000_000n - BigInt(attempts.length) * 100n);
  });
});
