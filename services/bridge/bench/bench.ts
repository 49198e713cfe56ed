// `npm run bench:bridge`: signed Hub88-style provider callbacks end to end (bridge → real
// ledger → PostgreSQL), as rounds of bet + win. By default a fixed number of rounds in flight
// (closed loop: the most the platform carries); with --rates, steps of an open-loop load at
// those requests per second, each for --duration seconds, and the highest rate whose p99 stays
// within 30 ms. Bodies are signed before the clock starts, so the figures are the platform's,
// not the client's. Options: --rounds N --concurrency N --players N --warmup N
// --rates a,b,… --duration S
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import process from "node:process";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { meanRouteTimes } from "./server-timings.ts";
import { type BenchPlayer, drive, driveAtRate, GAME_CODE, percentile, startBenchStack } from "./stack.ts";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "32" },
    players: { type: "string", default: "200" },
    warmup: { type: "string", default: "500" },
    rates: { type: "string" },
    duration: { type: "string", default: "20" },
  },
});
const say = (message: string) => console.log(`[bench:bridge] ${message}`);
const rates = values.rates?.split(",").map(Number);
/** The latency bound for the rate steps. */
const P99_TARGET_MS = 30;

interface Signed {
  path: string;
  body: string;
  signature: string;
}

const stack = await startBenchStack({
  say,
  bridgeEnv: process.env.BENCH_BRIDGE_ENV ? JSON.parse(process.env.BENCH_BRIDGE_ENV) : {},
});
let exitCode = 0;
try {
  const players = await stack.createPlayers(Number(values.players), 100_000_000_000n);
  say(`${players.length} players funded, sessions open`);
  const buildRounds = (count: number) => {
    const rounds: [Signed, Signed][] = [];
    for (let i = 0; i < count; i++) {
      const player = players[i % players.length] as BenchPlayer;
      const round = randomUUID();
      const bet = randomUUID();
      const base = {
        user: player.playerId,
        token: player.token,
        round,
        game_code: GAME_CODE,
        currency: "EUR",
        is_free: false,
      };
      const betBody = JSON.stringify({
        ...base,
        request_uuid: randomUUID(),
        transaction_uuid: bet,
        amount: 100_000,
        round_closed: false,
      });
      const winBody = JSON.stringify({
        ...base,
        request_uuid: randomUUID(),
        transaction_uuid: randomUUID(),
        reference_transaction_uuid: bet,
        amount: i % 3 === 0 ? 250_000 : 0,
        round_closed: true,
      });
      rounds.push([
        { path: "/transaction/bet", body: betBody, signature: stack.signBody(betBody) },
        { path: "/transaction/win", body: winBody, signature: stack.signBody(winBody) },
      ]);
    }
    return rounds;
  };
  const statuses = new Map<string, number>();
  const latencies: number[] = [];
  let transportRetries = 0;
  // undici's pool instead of fetch: a fraction of the client CPU per request, which matters because
  // the load generator shares the two cores with what it measures.
  const wallet = new URL(stack.walletUrl);
  const pool = new Pool(wallet.origin, {
    connections: rates ? 256 : Number(values.concurrency),
    pipelining: 1,
  });
  const post = async (request: Signed, attempt = 0): Promise<{ status: string }> => {
    try {
      const response = await pool.request({
        path: `${wallet.pathname}${request.path}`,
        method: "POST",
        headers: { "content-type": "application/json", "x-hub88-signature": request.signature },
        body: request.body,
      });
      return (await response.body.json()) as { status: string };
    } catch (error) {
      // A keep-alive connection the server closed as we reused it: resend, as a provider would
      // (the request is idempotent by design).
      if (attempt >= 3) throw error;
      transportRetries += 1;
      return post(request, attempt + 1);
    }
  };
  /** `from`: when the request was due (open loop); by default when it is sent. */
  const send = async (request: Signed, from = performance.now()) => {
    const answer = await post(request);
    latencies.push(performance.now() - from);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  };
  // A provider sends the win once the bet is answered.
  const playRound = async ([bet, win]: [Signed, Signed], betDueAt?: number) => {
    await send(bet, betDueAt);
    await send(win);
  };

  /** Runs one measured window and returns its figures. */
  const measure = async (run: () => Promise<{ seconds: number }>) => {
    latencies.length = 0;
    statuses.clear();
    const statementsBefore = await stack.databaseStatements();
    const cpuBefore = stack.cpuSeconds();
    const ownCpuBefore = process.cpuUsage();
    const { seconds } = await run();
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const cpuAfter = stack.cpuSeconds();
    const statementsAfter = await stack.databaseStatements();
    const sorted = Float64Array.from(latencies).sort();
    const requests = latencies.length;
    return {
      requests,
      seconds: Number(seconds.toFixed(2)),
      requestsPerSecond: Math.round(requests / seconds),
      p50Ms: Number(percentile(sorted, 50).toFixed(2)),
      p95Ms: Number(percentile(sorted, 95).toFixed(2)),
      p99Ms: Number(percentile(sorted, 99).toFixed(2)),
      maxMs: Number((sorted[sorted.length - 1] ?? 0).toFixed(2)),
      statuses: Object.fromEntries(statuses),
      allOk: (statuses.get("RS_OK") ?? 0) === requests,
      // Database statements (transactions) per request in each service's database, everything
      // included (the round-event relay, readiness probes).
      statementsPerRequest: Object.fromEntries(
        Object.entries(statementsAfter).map(([name, after]) => [
          name,
          Number(((after - (statementsBefore[name] ?? 0)) / requests).toFixed(3)),
        ]),
      ),
      // CPU milliseconds per request of each process (and its children) during the window.
      cpuMsPerRequest: {
        ...Object.fromEntries(
          Object.entries(cpuAfter).map(([name, after]) => [
            name,
            Number((((after - (cpuBefore[name] ?? 0)) * 1000) / requests).toFixed(3)),
          ]),
        ),
        loadGenerator: Number(((ownCpu.user + ownCpu.system) / 1000 / requests).toFixed(3)),
      },
    };
  };

  say(`warming up with ${values.warmup} rounds`);
  await drive(buildRounds(Number(values.warmup)), Number(values.concurrency), playRound);
  let allOk = true;
  if (rates) {
    const steps = [];
    for (const rate of rates) {
      const rounds = buildRounds(Math.ceil((rate / 2) * Number(values.duration)));
      say(`step: ${rate} requests/s (${rounds.length} rounds) for ${values.duration} s`);
      const step = await measure(() => driveAtRate(rounds, rate / 2, playRound));
      say(
        `  ${step.requestsPerSecond} requests/s  p50 ${step.p50Ms} ms  p99 ${step.p99Ms} ms  max ${step.maxMs} ms` +
          `  all RS_OK: ${step.allOk}  CPU ms/request ${JSON.stringify(step.cpuMsPerRequest)}`,
      );
      steps.push({ targetPerSecond: rate, ...step });
      allOk &&= step.allOk;
    }
    const passing = steps.filter((step) => step.allOk && step.p99Ms <= P99_TARGET_MS);
    console.log(JSON.stringify({ steps, loadAverage: loadavg().map((l) => Number(l.toFixed(2))) }, null, 2));
    say(
      `highest rate with p99 ≤ ${P99_TARGET_MS} ms and every answer RS_OK: ` +
        `${passing.length ? Math.max(...passing.map((step) => step.targetPerSecond)) : "none"} requests/s`,
    );
  } else {
    say(`signing ${Number(values.rounds) * 2} requests before the clock starts`);
    const rounds = buildRounds(Number(values.rounds));
    say(`measuring: ${rounds.length} rounds, ${values.concurrency} in flight`);
    const result = await measure(() => drive(rounds, Number(values.concurrency), playRound));
    allOk = result.allOk;
    console.log(
      JSON.stringify(
        {
          ...result,
          concurrency: Number(values.concurrency),
          transportRetries,
          // Mean server time per route since start (warm-up included), in ms.
          serverMeanMs: {
            ...(await meanRouteTimes(stack.bridgeUrl, [
              "/providers/hub88/:providerId/transaction/bet",
              "/providers/hub88/:providerId/transaction/win",
            ])),
            ...(await meanRouteTimes(stack.ledgerUrl, ["/v1/bets", "/v1/wins"])),
          },
          loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
        },
        null,
        2,
      ),
    );
  }
  if (!allOk) {
    say("some requests were not RS_OK");
    exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await stack.stop();
}
process.exit(exitCode);
