// Read-only provider calls: the player's balance (needs a live session) and who the player is.
import type { DomainContext } from "./context.ts";
import type { Outcome } from "./outcomes.ts";
import type { ProviderRecord, SessionRecord } from "./store-port.ts";
import { WalletUnavailableError } from "./wallet-port.ts";

export async function sessionBalance(
  ctx: DomainContext,
  input: { provider: ProviderRecord; token: string; playerId: string },
): Promise<Outcome & { session?: SessionRecord }> {
  const session = await ctx.store.findSession(input.token);
  if (!session || session.providerId !== input.provider.id || session.playerId !== input.playerId) {
    return { status: "invalid_token", playerId: input.playerId };
  }
  if (ctx.clock().getTime() >= session.expiresAt.getTime()) {
    return { status: "token_expired", playerId: input.playerId, currency: session.currency };
  }
  try {
    const balances = await ctx.wallet.balances(input.playerId, ctx.call);
    const balance = balances.get(session.currency);
    if (!balance) return { status: "wrong_currency", playerId: input.playerId, currency: session.currency };
    return {
      status: "ok",
      playerId: input.playerId,
      currency: session.currency,
      balance: balance.total,
      session,
    };
  } catch (error) {
    if (error instanceof WalletUnavailableError) return { status: "unknown", playerId: input.playerId };
    throw error;
  }
}

export async function playerInfo(
  ctx: DomainContext,
  input: { provider: ProviderRecord; playerId: string },
): Promise<Outcome & { session?: SessionRecord }> {
  const session = await ctx.store.latestSessionOf(input.playerId);
  if (!session || session.providerId !== input.provider.id)
    return { status: "invalid_token", playerId: input.playerId };
  return { status: "ok", playerId: input.playerId, currency: session.currency, session };
}
