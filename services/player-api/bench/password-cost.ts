// Prints how long one argon2id hash takes at several costs on this machine, to calibrate
// PASSWORD_MEMORY_KIB / PASSWORD_ITERATIONS (docs/adr/0601). Run: npx node services/player-api/bench/password-cost.ts
import { passwordHasher } from "../src/crypto/password.ts";

const costs = [
  { memoryKiB: 4096, iterations: 1 },
  { memoryKiB: 19_456, iterations: 2 },
  { memoryKiB: 47_104, iterations: 1 },
  { memoryKiB: 65_536, iterations: 3 },
];
for (const cost of costs) {
  const hasher = passwordHasher(cost);
  await hasher.hash("warm up the wasm instance");
  const rounds = 10;
  const started = performance.now();
  for (let i = 0; i < rounds; i += 1) await hasher.hash(`password ${i}`);
  const ms = (performance.now() - started) / rounds;
  const perCore = Math.floor(1000 / ms);
  console.log(
    `m=${cost.memoryKiB} KiB t=${cost.iterations} p=1: ${ms.toFixed(1)} ms per hash, ~${perCore} logins/s per core`,
  );
}
