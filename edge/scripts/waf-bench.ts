// CPU cost (process.cpuUsage) of inspectRequest: p50/p99 for a typical 2 KB request and for a 64 KB JSON body.
//   node edge/scripts/waf-bench.ts
import { inspectRequest } from "../src/waf/index.ts";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function measure(name: string, build: (i: number) => Parameters<typeof inspectRequest>[0], runs: number) {
  // Warm up first: a Worker isolate serves many requests, so steady-state cost is what matters.
  for (let i = 0; i < Math.min(runs, 300); i++)
    inspectRequest(build(i), { paranoiaLevel: 1, routeId: "wallet.deposit" });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const request = build(i);
    // CPU time, not wall time: Workers bill and limit CPU, and the shared machine adds wall-clock noise.
    const started = process.cpuUsage();
    inspectRequest(request, { paranoiaLevel: 1, routeId: "wallet.deposit" });
    const used = process.cpuUsage(started);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${name}: p50 ${percentile(samples, 50).toFixed(3)} ms, p99 ${percentile(samples, 99).toFixed(3)} ms (${runs} runs)`,
  );
}

const headers = new Headers({
  host: "api.croupier.test",
  "user-agent":
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  accept: "application/json, text/plain, */*",
  "accept-language": "en-GB,en;q=0.9,de;q=0.8",
  referer: "https://casino.example.com/cashier?tab=deposit&method=card",
  cookie: "session=eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJwbHlfMDFKOVoifQ.sig; consent=analytics%3Dno; lang=en",
  "content-type": "application/json",
});

function smallBody(i: number): string {
  return JSON.stringify({
    amount: String(125000000 + i),
    currency: "EUR",
    email: `player${i}@example.com`,
    name: "Seán O'Brien",
    message: "Hi, I can't see my deposit from yesterday. It's been 2 hours; could you check again? ".repeat(
      12,
    ),
    playerId: `ply_01J9Z7Q8K3M4N5P6R7S8T9V${i}`,
    returnUrl: "https://casino.example.com/cashier?tab=deposit&lang=en",
  }).slice(0, 2048);
}

function largeBody(i: number): string {
  const bets = [];
  for (let k = 0; bets.length < 560; k++) {
    bets.push({
      betId: `bet_${i}_${k}`,
      amount: "2500000",
      currency: "EUR",
      game: "roulette-live",
      note: "red, then black",
    });
  }
  return JSON.stringify({ roundId: `rnd_${i}`, bets });
}

const url = "https://api.croupier.test/v1/wallet/deposits?source=web&promo=WELCOME100";
measure(
  "2 KB JSON request",
  (i) => ({ method: "POST", url, headers, body: smallBody(i), contentType: "application/json" }),
  3000,
);
measure(
  "64 KB JSON body",
  (i) => ({ method: "POST", url, headers, body: largeBody(i), contentType: "application/json" }),
  200,
);
