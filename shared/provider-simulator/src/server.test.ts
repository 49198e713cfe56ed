import { describe, expect, it } from "vitest";
import type { Hub88Client } from "./hub88-client.ts";
import { createSimulatorApp } from "./server.ts";
import { createTransactionLog } from "./transaction-log.ts";

/** A client that accepts every bet and records which user each call was for. */
function recordingClient() {
  const users: string[] = [];
  const answer = async (request: { user: string }) => {
    users.push(request.user);
    return { status: "RS_OK", balance: 1_000_000 };
  };
  return { client: { bet: answer, win: answer, rollback: answer } as unknown as Hub88Client, users };
}

const launch = (user: string, token: string) =>
  new Request("http://simulator.test/game/url", {
    method: "POST",
    body: JSON.stringify({ user, token, currency: "EUR", game_code: "sim_fruit_blast" }),
  });

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("the simulator's game launch", () => {
  it("plays nothing until the game URL is opened, then plays the session's rounds once", async () => {
    const { client, users } = recordingClient();
    const app = createSimulatorApp({
      client,
      log: createTransactionLog(),
      publicBaseUrl: "http://simulator.test",
      autoplayRounds: 1,
    });
    const launched = await app.fetch(launch("ply_1", "tok_1"));
    const { url } = (await launched.json()) as { url: string };
    await settle();
    expect(users).toEqual([]);

    expect((await app.fetch(new Request(url))).status).toBe(200);
    await settle();
    const played = users.length;
    expect(played).toBeGreaterThan(0);
    expect(new Set(users)).toEqual(new Set(["ply_1"]));

    expect((await app.fetch(new Request(url))).status).toBe(200);
    await settle();
    expect(users).toHaveLength(played);
  });

  it("answers 404 for a game URL with an unknown token", async () => {
    const { client } = recordingClient();
    const app = createSimulatorApp({
      client,
      log: createTransactionLog(),
      publicBaseUrl: "http://simulator.test",
    });
    expect(
      (await app.fetch(new Request("http://simulator.test/play/sim_fruit_blast?token=nope"))).status,
    ).toBe(404);
  });
});
