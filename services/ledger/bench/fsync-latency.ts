// How long one durable commit waits on this disk: 8 KiB write + fdatasync, the WAL flush that
// synchronous_commit=on waits for. `node services/ledger/bench/fsync-latency.ts [dir]`
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function measureFsync(dir: string, count = 300) {
  const work = mkdtempSync(join(dir, "fsync-"));
  const fd = openSync(join(work, "wal"), "w");
  const page = Buffer.alloc(8192, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      writeSync(fd, page, 0, page.length, (i % 256) * 8192);
      fdatasyncSync(fd);
      times.push(performance.now() - t0);
    }
  } finally {
    closeSync(fd);
    rmSync(work, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

if (import.meta.main) {
  const r = measureFsync(process.argv[2] ?? tmpdir());
  console.log(
    `8 KiB write + fdatasync: mean ${r.mean.toFixed(2)} ms, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`,
  );
}
