// The `npm start` seed: idempotent, keeps the simulator's private key in the data folder only.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@croupier/db/client";
import { createTestDatabase } from "@croupier/devstack/test-harness";
import { afterAll, describe, expect, it } from "vitest";
import { publicKeyPemOf } from "../src/signing/rsa.ts";

const dataDir = mkdtempSync(join(tmpdir(), "bridge-seed-"));
let database: Awaited<ReturnType<typeof createTestDatabase>>;

afterAll(async () => {
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("bridge seed", () => {
  it("registers the simulator providers with the public half of a key kept under the data folder", async () => {
    database = await createTestDatabase("croupier_bridge");
    const run = () =>
      execFileSync(process.execPath, [join(import.meta.dirname, "../src/seed.ts")], {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          CROUPIER_DATA_DIR: dataDir,
          SIMULATOR_PORT: "18090",
        },
        stdio: "pipe",
      });
    run();
    run();
    const keyFile = join(dataDir, "bridge", "simulator-provider.key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const db = createDatabase({ url: database.url, maxConnections: 1 });
    try {
      const providers =
        await db.sql`select id, adapter, public_key_pem, launch_url, is_default from providers order by id`;
      expect(providers.map((p) => [p.id, p.adapter, p.is_default])).toEqual([
        ["simulator", "hub88", true],
        ["simulator-live", "evolution", true],
      ]);
      expect(providers[0]?.public_key_pem).toBe(await publicKeyPemOf(readFileSync(keyFile, "utf8")));
      expect(providers[0]?.launch_url).toBe("http://127.0.0.1:18090/game/url");
      expect(JSON.stringify(providers)).not.toContain("PRIVATE KEY");
      const [{ count }] = (await db.sql`select count(*)::int as count from games`) as unknown as [
        { count: number },
      ];
      expect(count).toBe(5);
      const limits = await db.sql`
        select provider_id, coalesce(game_code, '') as game, currency, min_bet::text as min, max_bet::text as max
        from (select provider_id, null as game_code, currency, min_bet, max_bet from provider_stake_limits
              union all select provider_id, game_code, currency, min_bet, max_bet from game_stake_limits) l
        where currency = 'GBP' and provider_id = 'simulator' order by game`;
      expect(limits.map((l) => [l.game, l.min, l.max])).toEqual([
        ["", "10000", "10000000"],
        ["sim_book_of_gold", "10000", "500000"],
      ]);
    } finally {
      await db.close();
    }
  });
});
