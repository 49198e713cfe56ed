// The bridge's own cost per provider call, without the network, PostgreSQL or the ledger: the
// real app (routing, signature check, schema, idempotency logic, response signing) on the
// in-memory ports, driven through app.request(). Run: node services/bridge/bench/bridge-cpu.ts
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { buildUnitApp } from "../src/testing/unit-app.ts";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "5000" }, concurrency: { type: "string", default: "16" } },
});
const h = await buildUnitApp();
const players = await Promise.all(Array.from({ length: 50 }, () => h.player({ balance: 10n ** 15n })));
const requests: { path: string; body: string; signature: string }[] = [];
for (let i = 0; i < Number(values.rounds); i++) {
  const p = players[i % players.length] as (typeof players)[number];
  const round = randomUUID();
  const bet = randomUUID();
  const base = {
    user: p.playerId,
    token: p.token,
    round,
    game_code: "fruit",
    currency: "EUR",
    is_free: false,
  };
  for (const [path, body] of [
    [
      "/transaction/bet",
      { ...base, request_uuid: randomUUID(), transaction_uuid: bet, amount: 100_000, round_closed: false },
    ],
    [
      "/transaction/win",
      {
        ...base,
        request_uuid: randomUUID(),
        transaction_uuid: randomUUID(),
        reference_transaction_uuid: bet,
        amount: 50_000,
        round_closed: true,
      },
    ],
  ] as const) {
    const text = JSON.stringify(body);
    requests.push({ path, body: text, signature: await h.client.signBody(text) });
  }
}
let next = 0;
let ok = 0;
const started = performance.now();
const cpuStart = process.cpuUsage();
await Promise.all(
  Array.from({ length: Number(values.concurrency) }, async () => {
    // A round's bet and win go in order on one worker, rounds in parallel across workers.
    while (next < requests.length) {
      const index = next;
      next += 2;
      for (const r of requests.slice(index, index + 2)) {
        const response = await h.app.request(`/providers/hub88${r.path}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-hub88-signature": r.signature },
          body: r.body,
        });
        if (((await response.json()) as { status: string }).status === "RS_OK") ok += 1;
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify(
    {
      requests: requests.length,
      ok,
      seconds: Number(seconds.toFixed(2)),
      requestsPerSecond: Math.round(requests.length / seconds),
      cpuMsPerRequest: Number(((cpu.user + cpu.system) / 1000 / requests.length).toFixed(3)),
      loadAverage: (await import("node:os")).loadavg().map((l) => Number(l.toFixed(2))),
    },
    null,
    2,
  ),
);
