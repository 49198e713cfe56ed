// Sets up what each scenario needs through public APIs only, so the suite runs against any
// deployment: players and money through the ledger (player and cashier roles), provider
// sessions through the bridge's launch (player-api role).
import { serviceTokenMinter } from "@croupier/core/service-auth";
import { uuidv7 } from "uuidv7";

export interface PlatformOptions {
  bridgeUrl: string;
  ledgerUrl: string;
  /** Service-token secrets of the callers the suite acts as. */
  secrets: { playerApi: string; cashier: string };
  jurisdiction?: string;
  /** The game every scenario plays, as the bridge's gameId (`<providerId>:<gameCode>`). */
  gameId: string;
}

export interface Player {
  playerId: string;
  token: string;
  currency: string;
  /** The game URL the provider gave for the player's first session (opening it starts play). */
  launchUrl: string;
}

/** A game's stake bounds in one currency, in units; absent = no bound. */
export interface StakeBounds {
  minBet?: bigint;
  maxBet?: bigint;
}

export interface PlayerSetup {
  balance?: bigint;
  currency?: string;
  status?: "blocked";
  selfExcluded?: boolean;
  /** Daily loss limit, in units of the currency. */
  lossLimit?: bigint;
  ttlSeconds?: number;
}

export function createPlatform(options: PlatformOptions) {
  const playerToLedger = serviceTokenMinter({
    caller: "player-api",
    audience: "ledger",
    secret: options.secrets.playerApi,
  });
  const cashierToLedger = serviceTokenMinter({
    caller: "cashier",
    audience: "ledger",
    secret: options.secrets.cashier,
  });
  const playerToBridge = serviceTokenMinter({
    caller: "player-api",
    audience: "bridge",
    secret: options.secrets.playerApi,
  });
  const jurisdiction = options.jurisdiction ?? "eu";

  async function call(
    base: string,
    token: string,
    method: string,
    path: string,
    body?: unknown,
    key?: string,
  ) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(key ? { "idempotency-key": key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  async function launchSession(playerId: string, currency: string, ttlSeconds?: number) {
    const answer = await call(options.bridgeUrl, await playerToBridge(), "POST", "/v1/launch", {
      playerId,
      currency,
      gameId: options.gameId,
      jurisdiction,
      sessionId: `ses_conformance_${uuidv7().replaceAll("-", "")}`,
      ...(ttlSeconds ? { ttlSeconds } : {}),
    });
    return { token: answer.token as string, launchUrl: answer.launchUrl as string };
  }
  const launch = async (playerId: string, currency: string, ttlSeconds?: number) =>
    (await launchSession(playerId, currency, ttlSeconds)).token;

  const stakeBounds = new Map<string, Promise<StakeBounds>>();
  async function loadStakeBounds(currency: string): Promise<StakeBounds> {
    const answer = await call(
      options.bridgeUrl,
      await playerToBridge(),
      "GET",
      `/v1/games?currency=${encodeURIComponent(currency)}`,
    );
    const game = (
      answer.items as { gameId: string; stakeLimits?: Record<string, Record<string, string>> }[]
    ).find((item) => item.gameId === options.gameId);
    const limit = game?.stakeLimits?.[currency];
    return {
      ...(limit?.minBet !== undefined ? { minBet: BigInt(limit.minBet) } : {}),
      ...(limit?.maxBet !== undefined ? { maxBet: BigInt(limit.maxBet) } : {}),
    };
  }

  return {
    gameCode: options.gameId.slice(options.gameId.indexOf(":") + 1),
    /** The scenario game's stake limits in a currency, as the bridge's catalogue publishes them. */
    stakeBounds(currency = "EUR"): Promise<StakeBounds> {
      let bounds = stakeBounds.get(currency);
      if (!bounds) {
        bounds = loadStakeBounds(currency);
        bounds.catch(() => stakeBounds.delete(currency));
        stakeBounds.set(currency, bounds);
      }
      return bounds;
    },
    async player(setup: PlayerSetup = {}): Promise<Player> {
      const playerId = `ply_${uuidv7().replaceAll("-", "")}`;
      const currency = setup.currency ?? "EUR";
      await call(options.ledgerUrl, await playerToLedger(), "POST", `/v1/players/${playerId}/accounts`, {
        currency,
        jurisdiction,
      });
      const balance = setup.balance ?? 10_000_000n;
      if (balance > 0n) {
        const depositId = `dep_${uuidv7().replaceAll("-", "")}`;
        await call(
          options.ledgerUrl,
          await cashierToLedger(),
          "POST",
          "/v1/deposits",
          {
            playerId,
            currency,
            amount: balance.toString(),
            depositId,
            psp: "conformance",
            pspReference: depositId,
          },
          depositId,
        );
      }
      if (setup.status || setup.selfExcluded || setup.lossLimit !== undefined) {
        await this.controls(playerId, currency, setup);
      }
      return { playerId, currency, ...(await launchSession(playerId, currency, setup.ttlSeconds)) };
    },
    async controls(playerId: string, currency: string, setup: PlayerSetup) {
      await call(options.ledgerUrl, await playerToLedger(), "PUT", `/v1/players/${playerId}/controls`, {
        currency,
        ...(setup.status ? { status: setup.status } : {}),
        ...(setup.lossLimit !== undefined ? { limits: { loss: { day: setup.lossLimit.toString() } } } : {}),
        ...(setup.selfExcluded ? { exclusion: { kind: "self_exclusion", until: null } } : {}),
      });
    },
    /** A second session for the same player (e.g. a session that expires soon). */
    session: (player: Player, ttlSeconds?: number) => launch(player.playerId, player.currency, ttlSeconds),
    async balance(player: Player): Promise<bigint> {
      const answer = await call(
        options.ledgerUrl,
        await playerToLedger(),
        "GET",
        `/v1/players/${player.playerId}/balances`,
      );
      const row = (answer.balances as { currency: string; total: string | { amount: string } }[]).find(
        (b) => b.currency === player.currency,
      );
      const total = typeof row?.total === "object" ? row.total.amount : row?.total;
      return BigInt(total ?? "0");
    },
  };
}

export type Platform = ReturnType<typeof createPlatform>;
