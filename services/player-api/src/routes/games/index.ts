import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { PlayerApiDeps, PlayerApiEnv } from "../../deps.ts";
import { catalogueCurrency, launchGame, listGames } from "../../domain/games/games.ts";
import { requirePlayer } from "../../http/player-auth.ts";
import {
  CurrencySchema,
  domainContext,
  edgeProblems,
  json,
  jsonBody,
  playerSecurity,
  problems,
  upstreamProblems,
} from "../common.ts";

const GameSchema = z
  .looseObject({
    gameId: z.string(),
    providerId: z.string(),
    name: z.string(),
    category: z.string(),
    currencies: z.array(z.string()),
  })
  .openapi("Game");
const CatalogueSchema = z
  .object({ currency: CurrencySchema, items: z.array(GameSchema) })
  .openapi("GameCatalogue");

const LaunchBody = z
  .strictObject({
    currency: CurrencySchema.optional(),
    locale: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
      .optional()
      .openapi({ example: "en-GB" }),
    returnUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
  })
  .openapi("LaunchRequest");
const LaunchSchema = z
  .object({ launchUrl: z.string(), token: z.string(), expiresAt: z.string() })
  .openapi("GameLaunch");

export function gameRoutes(app: OpenAPIHono<PlayerApiEnv>, deps: PlayerApiDeps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/games",
      tags: ["games"],
      summary: "The game catalogue for a currency (anonymous or signed in)",
      request: { query: z.strictObject({ currency: CurrencySchema.optional() }) },
      responses: {
        200: json(CatalogueSchema, "Games."),
        ...problems(...edgeProblems, 422, ...upstreamProblems),
      },
    }),
    async (c) => {
      const identity = c.get("edgeIdentity");
      const currency = catalogueCurrency(c.req.valid("query").currency, null, identity?.jurisdiction ?? null);
      return c.json(await listGames({ ctx: domainContext(c, deps), currency }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/games/{gameId}/launch",
      tags: ["games"],
      summary: "Launch a game: a provider session bound to player, currency and game",
      security: playerSecurity,
      middleware: [requirePlayer(deps)] as const,
      request: {
        params: z.object({ gameId: z.string().regex(/^[A-Za-z0-9._:-]{3,128}$/) }),
        body: jsonBody(LaunchBody),
      },
      responses: {
        201: json(LaunchSchema, "Launched."),
        ...problems(...edgeProblems, 403, 404, 422, ...upstreamProblems),
      },
    }),
    async (c) => {
      const launch = await launchGame({
        ctx: domainContext(c, deps),
        player: c.get("player"),
        gameId: c.req.valid("param").gameId,
        input: c.req.valid("json"),
      });
      return c.json(launch, 201);
    },
  );
}
