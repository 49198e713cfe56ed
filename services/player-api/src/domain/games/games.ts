import { getJurisdiction } from "@croupier/jurisdictions";
import type { AuthenticatedPlayer, DomainContext } from "../../deps.ts";
import { errors } from "../../errors.ts";
import { findPlayer } from "../players/player-record.ts";
import { assertMayPlay } from "../sessions/login.ts";

export async function listGames({ ctx, currency }: { ctx: DomainContext; currency: string }) {
  return { currency, items: await ctx.deps.bridge.games(ctx.correlation, currency) };
}

/** The currency a request means: the one asked for, else the player's, else the jurisdiction's. */
export function catalogueCurrency(
  asked: string | undefined,
  player: { currency: string } | null,
  jurisdiction: string | null,
): string {
  return (
    asked ??
    player?.currency ??
    (jurisdiction ? getJurisdiction(jurisdiction)?.defaultCurrency : undefined) ??
    "EUR"
  );
}

/** A provider session bound to this player, session, currency and game (issued by the bridge). */
export async function launchGame({
  ctx,
  player,
  gameId,
  input,
}: {
  ctx: DomainContext;
  player: AuthenticatedPlayer;
  gameId: string;
  input: { currency?: string; locale?: string; returnUrl?: string };
}) {
  const record = await findPlayer(ctx.deps.database.sql, player.playerId);
  if (!record) throw errors.unauthenticated();
  assertMayPlay(record, ctx.deps.clock());
  const currency = input.currency ?? record.currency;
  if (currency !== record.currency) throw errors.currencyNotOffered(currency);
  return ctx.deps.bridge.launch(ctx.correlation, {
    playerId: record.id,
    currency,
    gameId,
    jurisdiction: record.jurisdiction,
    sessionId: player.sessionId,
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.returnUrl ? { returnUrl: input.returnUrl } : {}),
  });
}
