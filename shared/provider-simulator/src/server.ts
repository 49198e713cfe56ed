// The provider's own HTTP face: game launch (the operator asks for a game URL for a session; when
// the player opens it, the simulated player plays a few rounds), and transaction reports for
// reconciliation.
import { Hono } from "hono";
import type { Hub88Client } from "./hub88-client.ts";
import { playSlotRound } from "./play-round.ts";
import { importVerifyKey, verify } from "./signing.ts";
import type { TransactionLog } from "./transaction-log.ts";

type Session = { user: string; token: string; currency: string; gameCode: string };

export interface SimulatorServerOptions {
  client: Hub88Client;
  log: TransactionLog;
  publicBaseUrl: string;
  /** Fetches the operator's public key (to verify launch requests); undefined skips the check. */
  operatorPublicKey?: () => Promise<string | undefined>;
  autoplayRounds?: number;
  stake?: number;
  onRound?: (summary: Record<string, unknown>) => void;
}

export function createSimulatorApp(options: SimulatorServerOptions) {
  const app = new Hono();
  let verifyKey: Promise<CryptoKey | undefined> | undefined;
  const operatorKey = () => {
    verifyKey ??= (async () => {
      const pem = await options.operatorPublicKey?.();
      return pem ? importVerifyKey(pem) : undefined;
    })().catch(() => {
      verifyKey = undefined;
      return undefined;
    });
    return verifyKey;
  };

  app.get("/healthz/live", (c) => c.json({ status: "ok" }));

  // Sessions the operator launched, by token, until their player opens the game. Bounded: the oldest
  // launch is forgotten first.
  const launched = new Map<string, { session: Session; playing: boolean }>();
  const MAX_LAUNCHED = 10_000;

  app.post("/game/url", async (c) => {
    const text = await c.req.text();
    const key = await operatorKey();
    if (key && !(await verify(key, text, c.req.header("x-hub88-signature") ?? null))) {
      return c.json({ error: "invalid signature" }, 401);
    }
    const body = JSON.parse(text) as { user: string; token: string; currency: string; game_code: string };
    const session = { user: body.user, token: body.token, currency: body.currency, gameCode: body.game_code };
    if (launched.size >= MAX_LAUNCHED) launched.delete(launched.keys().next().value as string);
    launched.set(body.token, { session, playing: false });
    return c.json({
      url: `${options.publicBaseUrl}/play/${encodeURIComponent(body.game_code)}?token=${body.token}`,
    });
  });

  // Opening the game URL is the player sitting down: the simulated player then plays its rounds (once
  // per session). A session whose URL nobody opens (a conformance run that only wanted the token) is
  // never played by the simulator, so its balance moves only by what that client sends.
  app.get("/play/:game", (c) => {
    const entry = launched.get(c.req.query("token") ?? "");
    if (!entry) return c.json({ error: "unknown or expired session" }, 404);
    const rounds = options.autoplayRounds ?? 0;
    if (rounds > 0 && !entry.playing) {
      entry.playing = true;
      void autoplay(entry.session, rounds).catch(() => undefined);
    }
    return c.json({ game: c.req.param("game"), message: "The simulated player is playing this session." });
  });

  async function autoplay(session: Session, rounds: number): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      const result = await playSlotRound(options.client, session, {
        stake: options.stake ?? 100_000,
        log: options.log,
      });
      options.onRound?.({ user: session.user, ...result });
      if (result.bet !== "RS_OK") break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  app.post("/transactions/report", async (c) => {
    const body = (await c.req.json()) as { start_time: string; end_time: string };
    return c.json({ transactions: options.log.between(new Date(body.start_time), new Date(body.end_time)) });
  });
  return app;
}
