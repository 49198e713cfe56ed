// Game launch for player-api: a provider session bound to player, currency and game, then the
// provider's own launch URL for it (through the outbound gateway).
import { AppError } from "@croupier/core/problem";
import { currencies } from "@croupier/money";
import type { ProviderGateway } from "../outbound/provider-gateway.ts";
import type { DomainContext } from "./context.ts";

export interface LaunchInput {
  playerId: string;
  currency: string;
  gameId: string;
  jurisdiction: string;
  sessionId: string;
  locale?: string;
  returnUrl?: string;
  ttlSeconds?: number;
}

export interface LaunchResult {
  launchUrl: string;
  token: string;
  expiresAt: string;
}

function newSessionToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function launchGame(
  ctx: DomainContext & { gateway: ProviderGateway; sessionTtlMs: number; publicLaunchBaseUrl?: string },
  input: LaunchInput,
): Promise<LaunchResult> {
  const separator = input.gameId.indexOf(":");
  const providerId = separator > 0 ? input.gameId.slice(0, separator) : "";
  const gameCode = separator > 0 ? input.gameId.slice(separator + 1) : "";
  const provider = providerId ? await ctx.store.findProvider(providerId) : undefined;
  const game = provider ? await ctx.store.findGame(provider.id, gameCode) : undefined;
  if (!provider?.enabled || !game?.enabled) {
    throw new AppError("unknown_game", 404, "Unknown game", `No playable game ${input.gameId}.`);
  }
  const allowed = game.currencies.length > 0 ? game.currencies : provider.currencies;
  if (!currencies[input.currency] || (allowed.length > 0 && !allowed.includes(input.currency))) {
    throw new AppError(
      "currency_not_supported",
      422,
      "Currency not supported",
      `${input.gameId} is not offered in ${input.currency}.`,
    );
  }
  const token = newSessionToken();
  const ttlMs = Math.min(ctx.sessionTtlMs, (input.ttlSeconds ?? Number.POSITIVE_INFINITY) * 1000);
  const expiresAt = new Date(ctx.clock().getTime() + ttlMs);
  await ctx.store.createSession({
    token,
    providerId: provider.id,
    playerId: input.playerId,
    currency: input.currency,
    gameCode,
    jurisdiction: input.jurisdiction,
    platformSessionId: input.sessionId,
    expiresAt,
  });
  let launchUrl: string;
  if (provider.launchUrl) {
    const answer = await ctx.gateway
      .post(provider, provider.launchUrl, {
        user: input.playerId,
        token,
        currency: input.currency,
        game_code: gameCode,
        lang: input.locale ?? "en",
        lobby_url: input.returnUrl ?? null,
        jurisdiction: input.jurisdiction,
      })
      .catch((error: Error) => {
        throw new AppError("provider_unavailable", 503, "The game provider is unavailable", error.message, {
          headers: { "retry-after": "10" },
        });
      });
    if (typeof answer.url !== "string" || !URL.canParse(answer.url)) {
      throw new AppError(
        "provider_unavailable",
        503,
        "The game provider is unavailable",
        "The provider sent no launch URL.",
      );
    }
    launchUrl = answer.url;
  } else {
    const base = ctx.publicLaunchBaseUrl ?? "https://games.invalid";
    launchUrl = `${base.replace(/\/$/, "")}/play/${encodeURIComponent(provider.id)}/${encodeURIComponent(gameCode)}?token=${token}`;
  }
  return { launchUrl, token, expiresAt: expiresAt.toISOString() };
}
