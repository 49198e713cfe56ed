import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, isPortOpen, waitFor } from "../../devstack/src/ports.ts";
import { type ManagedProcess, startProcess } from "../../devstack/src/processes.ts";

const fixture = fileURLToPath(new URL("./fixtures/slow-service.ts", import.meta.url));
let running: ManagedProcess | undefined;
afterEach(async () => {
  await running?.stop(2_000);
});

describe("service lifecycle", () => {
  it("drains an in-flight request on SIGTERM, refuses new connections, and exits 0", async () => {
    const port = await freePort();
    const output: string[] = [];
    running = startProcess("slow", process.execPath, [fixture], {
      env: { ...process.env, PORT: String(port) },
      onOutput: (line) => output.push(line),
    });
    await waitFor("slow service", () => isPortOpen(port), { timeoutMs: 15_000 });

    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
    await new Promise((r) => setTimeout(r, 200));
    const signalledAt = Date.now();
    running.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 200));
    expect(await isPortOpen(port)).toBe(false);

    expect(await inFlight).toEqual({ status: 200, body: { finished: true } });
    const code = await running.exited;
    expect(code).toBe(0);
    // Bounded: the slow request needs 1.5 s; the hard bound is 5 s.
    expect(Date.now() - signalledAt).toBeLessThan(4_000);
    expect(output.join("\n")).toContain("closing connections");
  });

  it("stops at start with exit code 78 and a message naming a malformed variable", () => {
    const result = spawnSync(process.execPath, [fixture], {
      env: { ...process.env, PORT: "not-a-port" },
      encoding: "utf8",
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("PORT: expected a TCP port number");
    expect(result.stderr).toContain('got "not-a-port"');
  });
});
