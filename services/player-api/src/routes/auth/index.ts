import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { PlayerApiDeps, PlayerApiEnv } from "../../deps.ts";
import { registerPlayer } from "../../domain/players/register.ts";
import { changePassword } from "../../domain/sessions/change-password.ts";
import { login } from "../../domain/sessions/login.ts";
import { logout } from "../../domain/sessions/logout.ts";
import { refreshSession } from "../../domain/sessions/refresh.ts";
import { requirePlayer } from "../../http/player-auth.ts";
import {
  domainContext,
  edgeProblems,
  json,
  jsonBody,
  playerSecurity,
  problems,
  upstreamProblems,
} from "../common.ts";
import {
  LoginBody,
  LogoutBody,
  PasswordBody,
  RefreshBody,
  RegisterBody,
  RegisteredPlayer,
  TokenPairSchema,
} from "./schema.ts";

export function authRoutes(app: OpenAPIHono<PlayerApiEnv>, deps: PlayerApiDeps) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/auth/register",
      tags: ["auth"],
      summary: "Register a player in this home region",
      request: { body: jsonBody(RegisterBody) },
      responses: {
        201: json(RegisteredPlayer, "Registered; sign in next."),
        ...problems(...edgeProblems, 403, 409, 422, ...upstreamProblems),
      },
    }),
    async (c) =>
      c.json(await registerPlayer({ ctx: domainContext(c, deps), input: c.req.valid("json") }), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/auth/login",
      tags: ["auth"],
      summary: "Sign in: a new session with an access and a refresh token",
      request: { body: jsonBody(LoginBody) },
      responses: { 200: json(TokenPairSchema, "Signed in."), ...problems(...edgeProblems, 403) },
    }),
    async (c) => c.json(await login({ ctx: domainContext(c, deps), input: c.req.valid("json") }), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/auth/refresh",
      tags: ["auth"],
      summary: "Rotate the refresh token; a reused one revokes its whole session family",
      request: { body: jsonBody(RefreshBody) },
      responses: { 200: json(TokenPairSchema, "A new token pair."), ...problems(...edgeProblems, 403) },
    }),
    async (c) =>
      c.json(
        await refreshSession({ ctx: domainContext(c, deps), refreshToken: c.req.valid("json").refreshToken }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/auth/logout",
      tags: ["auth"],
      summary: "End this session (or all of them); access tokens already out are revoked",
      request: { body: jsonBody(LogoutBody) },
      responses: { 204: { description: "Signed out." }, ...problems(...edgeProblems) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const identity = c.get("edgeIdentity");
      await logout({
        ctx: domainContext(c, deps),
        input: {
          refreshToken: body.refreshToken,
          allSessions: body.allSessions,
          identity:
            identity?.playerId && identity.sessionId
              ? { playerId: identity.playerId, sessionId: identity.sessionId }
              : undefined,
        },
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/auth/password",
      tags: ["auth"],
      summary: "Change the password; every other session ends",
      security: playerSecurity,
      middleware: [requirePlayer(deps)] as const,
      request: { body: jsonBody(PasswordBody) },
      responses: {
        200: json(TokenPairSchema, "Changed; a fresh session."),
        ...problems(...edgeProblems, 403, 422),
      },
    }),
    async (c) =>
      c.json(
        await changePassword({
          ctx: domainContext(c, deps),
          player: c.get("player"),
          input: c.req.valid("json"),
        }),
        200,
      ),
  );
}
