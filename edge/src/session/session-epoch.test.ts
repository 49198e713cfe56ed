import { describe, expect, it } from "vitest";
import { SessionEpochCache } from "./session-epoch.ts";

describe("SessionEpochCache", () => {
  it("shares one fetch between concurrent checks for a player", async () => {
    let fetches = 0;
    let release: (epoch: number) => void = () => {};
    const cache = new SessionEpochCache({
      fetchEpoch: () => {
        fetches++;
        return new Promise((resolve) => {
          release = resolve;
        });
      },
    });
    const checks = [1, 2, 3].map(() =>
      cache.isRevoked({ region: "eu", playerId: "ply_1", tokenEpoch: 2, now: 0 }),
    );
    release(3);
    expect(await Promise.all(checks)).toEqual([true, true, true]);
    expect(fetches).toBe(1);
  });

  it("keys by region and player", async () => {
    const asked: string[] = [];
    const cache = new SessionEpochCache({
      fetchEpoch: async (region, playerId) => {
        asked.push(`${region}/${playerId}`);
        return 0;
      },
    });
    await cache.isRevoked({ region: "eu", playerId: "ply_1", tokenEpoch: 0, now: 0 });
    await cache.isRevoked({ region: "uk", playerId: "ply_1", tokenEpoch: 0, now: 0 });
    await cache.isRevoked({ region: "eu", playerId: "ply_1", tokenEpoch: 0, now: 1 });
    expect(asked).toEqual(["eu/ply_1", "uk/ply_1"]);
  });

  it("does not cache failures", async () => {
    let attempt = 0;
    const cache = new SessionEpochCache({
      fetchEpoch: async () => {
        attempt++;
        if (attempt === 1) throw new Error("down");
        return 1;
      },
    });
    await expect(cache.isRevoked({ region: "eu", playerId: "p", tokenEpoch: 1, now: 0 })).rejects.toThrow(
      "down",
    );
    expect(await cache.isRevoked({ region: "eu", playerId: "p", tokenEpoch: 1, now: 0 })).toBe(false);
  });
});
