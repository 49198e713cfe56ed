import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { PlayerApiDeps, PlayerApiEnv } from "../../deps.ts";
import { json, problems } from "../common.ts";

const JwkSchema = z
  .object({
    kty: z.string(),
    crv: z.string(),
    x: z.string(),
    y: z.string(),
    kid: z.string(),
    alg: z.string(),
    use: z.string(),
  })
  .openapi("Jwk");
const JwksSchema = z.object({ keys: z.array(JwkSchema) }).openapi("Jwks");

export function keyRoutes(app: OpenAPIHono<PlayerApiEnv>, deps: PlayerApiDeps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/.well-known/jwks.json",
      tags: ["sessions"],
      summary: "Public keys that verify access tokens (signing, next and recently retired)",
      responses: { 200: json(JwksSchema, "The JWKS.") },
    }),
    async (c) => {
      c.header("cache-control", "public, max-age=300");
      return c.json(await deps.keys.jwks(), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/internal/session-epoch/{playerId}",
      tags: ["sessions"],
      summary: "The player's session epoch: access tokens with a lower `sep` are revoked",
      request: { params: z.object({ playerId: z.string().min(1).max(128) }) },
      responses: {
        200: json(z.object({ epoch: z.number().int().min(0) }).openapi("SessionEpoch"), "The epoch."),
        ...problems(400),
      },
    }),
    async (c) => {
      const [row] = await deps.database.sql<{ session_epoch: number }[]>`
        select session_epoch from players where id = ${c.req.valid("param").playerId}`;
      // An unknown player answers 0 rather than 404, so the endpoint does not reveal who exists.
      c.header("cache-control", "no-store");
      return c.json({ epoch: row?.session_epoch ?? 0 }, 200);
    },
  );
}
