// The real services for cross-service tests: ledger, bridge (seeded with the simulator's games)
// and player-api, each a Node process on its own throwaway database.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createDatabase } from "@croupier/db/client";
import { repoRoot } from "@croupier/devstack/paths";
import { freePort, isPortOpen, waitFor } from "@croupier/devstack/ports";
import { startProcess } from "@croupier/devstack/processes";
import { deriveSecret } from "@croupier/devstack/secrets";
import {
  createTestDatabase,
  type RunningService,
  startServiceProcess,
  TEST_ENV,
} from "@croupier/devstack/test-harness";
import { createStaff, type StaffRole } from "../../../services/player-api/src/domain/staff/staff-tokens.ts";

export function masterSecret(): string {
  const value = process.env[TEST_ENV.masterSecret];
  if (!value) throw new Error("run these tests with `npm test`");
  return value;
}

export const secretOf = (caller: string) => deriveSecret(masterSecret(), `service-token:${caller}`);
export const edgeSigningSecret = () => deriveSecret(masterSecret(), "edge-signing");

export interface Stack {
  ledger: RunningService;
  bridge: RunningService;
  playerApi: RunningService;
  playerApiDatabaseUrl: string;
  simulatorOutput: string[];
  createStaff(roles: StaffRole[]): Promise<string>;
  stop(): Promise<void>;
}

function run(entry: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${entry} exited ${code}: ${output}`)),
    );
  });
}

export async function startStack(options: { playerApiEnv?: Record<string, string> } = {}): Promise<Stack> {
  const stops: (() => Promise<void>)[] = [];
  try {
    const ledgerDb = await createTestDatabase("croupier_ledger");
    stops.push(ledgerDb.drop);
    const callers = [
      ["player-api", "player"],
      ["bridge", "gaming"],
      ["cashier", "cashier"],
    ]
      .map(([name, role]) => `${name}:${role}:${secretOf(name as string)}`)
      .join(",");
    const ledger = await startServiceProcess("ledger", {
      databaseUrl: ledgerDb.url,
      env: { SERVICE_CALLERS: callers },
    });
    stops.push(ledger.stop);

    const bridgeDb = await createTestDatabase("croupier_bridge");
    stops.push(bridgeDb.drop);
    // The provider simulator stands in for the game provider the bridge opens sessions with.
    const simulatorPort = await freePort();
    const simulatorOutput: string[] = [];
    await run(join(repoRoot, "services/bridge/src/seed.ts"), {
      DATABASE_URL: bridgeDb.url,
      SIMULATOR_PORT: String(simulatorPort),
    });
    const bridge = await startServiceProcess("bridge", {
      databaseUrl: bridgeDb.url,
      env: { LEDGER_URL: ledger.url },
    });
    stops.push(bridge.stop);
    const simulator = startProcess(
      "simulator",
      process.execPath,
      [join(repoRoot, "shared/provider-simulator/src/main.ts")],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          BRIDGE_URL: bridge.url,
          SIMULATOR_PORT: String(simulatorPort),
          SIMULATOR_AUTOPLAY_ROUNDS: "0",
        },
        onOutput: (line) => {
          simulatorOutput.push(line);
          if (simulatorOutput.length > 200) simulatorOutput.shift();
        },
      },
    );
    stops.push(() => simulator.stop());
    await waitFor("provider simulator", () => isPortOpen(simulatorPort), { timeoutMs: 30_000 });

    const playerDb = await createTestDatabase("croupier_player");
    stops.push(playerDb.drop);
    const playerApi = await startServiceProcess("player-api", {
      databaseUrl: playerDb.url,
      env: {
        LEDGER_URL: ledger.url,
        BRIDGE_URL: bridge.url,
        PASSWORD_MEMORY_KIB: "4096",
        PASSWORD_ITERATIONS: "1",
        ...options.playerApiEnv,
      },
    });
    stops.push(playerApi.stop);

    return {
      ledger,
      bridge,
      playerApi,
      playerApiDatabaseUrl: playerDb.url,
      simulatorOutput,
      async createStaff(roles) {
        const database = createDatabase({ url: playerDb.url, maxConnections: 1 });
        try {
          const { token } = await createStaff(database.sql, {
            email: `${roles.join("-")}-${Date.now()}@operator.test`,
            name: "Test staff",
            roles,
          });
          return token;
        } finally {
          await database.close();
        }
      },
      async stop() {
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}
