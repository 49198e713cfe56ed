import type { ServiceApp } from "@croupier/core/http/app";
import { createRoute, z } from "@hono/zod-openapi";
import { stakeLimitFor } from "../../domain/stake-limits.ts";
import type { BridgeStore, GameRecord, ProviderRecord } from "../../domain/store-port.ts";

const gameItem = z.object({
  gameId: z.string(),
  providerId: z.string(),
  name: z.string(),
  category: z.string(),
  currencies: z.array(z.string()),
  rtp: z.number().optional(),
  /** Per currency: the smallest and largest stake accepted, in units of the currency's scale. */
  stakeLimits: z.record(
    z.string(),
    z.object({ minBet: z.string().optional(), maxBet: z.string().optional() }),
  ),
});

export const gamesRoute = createRoute({
  method: "get",
  path: "/v1/games",
  summary: "The game catalogue, optionally only games playable in a currency",
  request: {
    query: z.object({
      currency: z
        .string()
        .regex(/^[A-Z]{3,8}$/)
        .optional(),
    }),
  },
  responses: {
    200: {
      description: "Games",
      content: { "application/json": { schema: z.object({ items: z.array(gameItem) }) } },
    },
  },
});

/** `<providerId>:<gameCode>`: game codes are only unique within a provider. */
export const gameIdOf = (providerId: string, gameCode: string) => `${providerId}:${gameCode}`;

function stakeLimitsView(provider: ProviderRecord, game: GameRecord, currencies: string[]) {
  const view: Record<string, { minBet?: string; maxBet?: string }> = {};
  for (const currency of currencies) {
    const limit = stakeLimitFor(provider, game, currency);
    if (!limit) continue;
    view[currency] = {
      ...(limit.minBet !== null ? { minBet: limit.minBet.toString() } : {}),
      ...(limit.maxBet !== null ? { maxBet: limit.maxBet.toString() } : {}),
    };
  }
  return view;
}

export function registerGames(app: ServiceApp, store: BridgeStore) {
  app.openapi(gamesRoute, async (c) => {
    const { currency } = c.req.valid("query");
    const providers = new Map((await store.listProviders()).map((p) => [p.id, p]));
    const items = (await store.listGames())
      .filter((g) => g.enabled && providers.get(g.providerId)?.enabled)
      .map((g) => {
        const provider = providers.get(g.providerId);
        const own = g.currencies.length > 0 ? g.currencies : (provider?.currencies ?? []);
        return { game: g, currencies: own };
      })
      .filter(({ currencies }) => !currency || currencies.includes(currency))
      .map(({ game, currencies }) => ({
        gameId: gameIdOf(game.providerId, game.gameCode),
        providerId: game.providerId,
        name: game.name,
        category: game.category,
        currencies,
        ...(game.rtp ? { rtp: Number(game.rtp) } : {}),
        stakeLimits: stakeLimitsView(providers.get(game.providerId) as ProviderRecord, game, currencies),
      }));
    return c.json({ items }, 200);
  });
}
