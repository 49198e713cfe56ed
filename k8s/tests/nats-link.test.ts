import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { natsTestEnv } from "./support/nats-fixture.ts";
import { createTestPki } from "./support/pki.ts";
import { parseObjects, type Region, renderText } from "./support/render.ts";
import { repoRoot, tool } from "./support/tools.ts";

// Runs the real topology on loopback: the global hub from infra/nats/hub.conf and the eu and uk
// regional servers from the rendered foundation chart (one server per region instead of three;
// the cluster block is the only part left out), linked by TLS leafnodes as in production.

const work = mkdtempSync(join(tmpdir(), "croupier-nats-link-"));
const servers: ChildProcess[] = [];
const clients: NatsConnection[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts nats-server and resolves once it reports ready; rejects with its log if it exits first. */
function start(name: string, configFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool("nats-server"), ["-c", configFile], {
      env: { ...process.env, ...natsTestEnv, POD_NAME: name },
      stdio: ["ignore", "pipe", "pipe"],
    });
    servers.push(child);
    let log = "";
    const collect = (chunk: Buffer) => {
      log += chunk;
      if (log.includes("Server is ready")) resolve();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.on("exit", (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${log}`)));
  });
}

/** Ports are picked free and then bound by nats-server; another process may win the race, so retry. */
async function startOnFreePorts(
  name: string,
  write: (ports: number[]) => string,
  count: number,
): Promise<number[]> {
  for (let attempt = 1; ; attempt++) {
    const ports = await Promise.all(Array.from({ length: count }, freePort));
    try {
      await start(name, write(ports));
      return ports;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function regionalServer(region: Region, hubLeafPort: number, certDir: string): Promise<number> {
  const objects = parseObjects(renderText("helm3", "croupier-foundation", region));
  const config = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === "nats-config")?.data[
    "nats.conf"
  ] as string;
  const dir = join(work, region);
  mkdirSync(dir, { recursive: true });
  const [port] = await startOnFreePorts(
    `nats-${region}`,
    ([clientPort]) => {
      const local = config
        .replace(/\ncluster \{[\s\S]*?\n\}\n/, "\n")
        .replace('listen: "0.0.0.0:4222"', `listen: "127.0.0.1:${clientPort}"`)
        .replace('http: "0.0.0.0:8222"\n', "")
        .replace("/var/run/nats/nats.pid", join(dir, "nats.pid"))
        .replace("/data/jetstream", join(dir, "jetstream"))
        .replace("nats-leaf://hub.global.croupier.example:7422", `nats-leaf://localhost:${hubLeafPort}`)
        .replaceAll("/etc/nats/leaf-tls", certDir);
      if (local.includes("cluster {")) throw new Error("the cluster block was not removed");
      const file = join(dir, "nats.conf");
      writeFileSync(file, local);
      return file;
    },
    1,
  );
  return port ?? 0;
}

async function connectWithRetry(port: number): Promise<NatsConnection> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const nc = await connect({ servers: `127.0.0.1:${port}`, reconnect: false });
      clients.push(nc);
      return nc;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

let eu: NatsConnection;
let uk: NatsConnection;

beforeAll(async () => {
  const pki = createTestPki(join(work, "pki"));
  const hubTls = pki.issue("hub", "hub.global.croupier.example", ["localhost"]);
  const euTls = pki.issue("leaf-eu", "leaf.eu.croupier.example");
  const ukTls = pki.issue("leaf-uk", "leaf.uk.croupier.example");

  const [, leafPort] = await startOnFreePorts(
    "hub",
    ([clientPort, leafnodePort]) => {
      const hub = readFileSync(join(repoRoot, "infra/nats/hub.conf"), "utf8")
        .replace('listen: "0.0.0.0:4222"', `listen: "127.0.0.1:${clientPort}"`)
        .replace('http: "0.0.0.0:8222"\n', "")
        .replace('listen: "0.0.0.0:7422"', `listen: "127.0.0.1:${leafnodePort}"`)
        .replaceAll("/etc/nats/tls", hubTls);
      const file = join(work, "hub.conf");
      writeFileSync(file, hub);
      return file;
    },
    2,
  );

  eu = await connectWithRetry(await regionalServer("eu", leafPort ?? 0, euTls));
  uk = await connectWithRetry(await regionalServer("uk", leafPort ?? 0, ukTls));
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  for (const server of servers) server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
});

/** Publishes `probe` from eu until uk sees it (leafnode links and interest take a moment to form). */
async function waitForLink(received: string[], probe: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!received.some((s) => s.endsWith(probe))) {
    if (Date.now() > deadline)
      throw new Error(`the eu -> hub -> uk link never carried ${probe}; received ${received}`);
    eu.publish(probe, "probe");
    await eu.flush();
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("cross-region link (hub + eu + uk on loopback)", () => {
  it("carries self-exclusions and aggregates to the other region, never PII or money events", async () => {
    const atUk: string[] = [];
    const sub = uk.subscribe(">", {
      callback: (_err, msg) => {
        atUk.push(msg.subject);
      },
    });
    await uk.flush();
    await waitForLink(atUk, "eu.rg.exclusion.probe");

    const sent = [
      "eu.rg.exclusion.h1a2b3",
      "eu.reporting.aggregate.ggr.daily",
      "eu.kyc.case.opened",
      "eu.player.profile.updated",
      "eu.wallet.tx.committed",
      "eu.bridge.round.settled",
      "uk.player.profile.updated",
    ];
    for (const subject of sent) eu.publish(subject, JSON.stringify({ id: subject }));
    await eu.flush();
    // A marker sent last over the same path: once it arrives, everything before it has too.
    await waitForLink(atUk, "eu.rg.exclusion.marker");
    sub.unsubscribe();

    const fromEu = atUk.filter((s) => !s.endsWith("probe") && !s.endsWith("marker"));
    expect(new Set(fromEu)).toEqual(
      new Set(["inbound.eu.rg.exclusion.h1a2b3", "inbound.eu.reporting.aggregate.ggr.daily"]),
    );
  });

  it("works both ways and never echoes a region's own events back to it", async () => {
    const atEu: string[] = [];
    const sub = eu.subscribe("inbound.>", {
      callback: (_err, msg) => {
        atEu.push(msg.subject);
      },
    });
    await eu.flush();
    const deadline = Date.now() + 20_000;
    while (!atEu.includes("inbound.uk.rg.exclusion.f00d")) {
      if (Date.now() > deadline) throw new Error(`uk -> eu never arrived; eu received ${atEu}`);
      uk.publish("uk.rg.exclusion.f00d", "{}");
      eu.publish("eu.rg.exclusion.echo", "{}");
      await Promise.all([uk.flush(), eu.flush()]);
      await new Promise((r) => setTimeout(r, 200));
    }
    sub.unsubscribe();
    expect(atEu.filter((s) => s.startsWith("inbound.eu."))).toEqual([]);
  });

  it("keeps PII inside the region that published it", async () => {
    const atEu: string[] = [];
    const sub = eu.subscribe("eu.kyc.>", {
      callback: (_err, msg) => {
        atEu.push(msg.subject);
      },
    });
    await eu.flush();
    eu.publish("eu.kyc.case.opened", "{}");
    await eu.flush();
    await new Promise((r) => setTimeout(r, 100));
    sub.unsubscribe();
    expect(atEu).toEqual(["eu.kyc.case.opened"]);
  });
});
