// The game bridge: catalogue and launch (caller "player-api", audience "bridge").
import { AppError } from "@croupier/core/problem";
import { type Correlation, problemCode, type ServiceClient, unexpected } from "./service-client.ts";

export interface GameSummary {
  gameId: string;
  providerId: string;
  name: string;
  category: string;
  currencies: string[];
}

export interface Launch {
  launchUrl: string;
  token: string;
  expiresAt: string;
}

export interface BridgeClient {
  games(c: Correlation, currency: string): Promise<GameSummary[]>;
  launch(
    c: Correlation,
    input: {
      playerId: string;
      currency: string;
      gameId: string;
      jurisdiction: string;
      sessionId: string;
      locale?: string;
      returnUrl?: string;
    },
  ): Promise<Launch>;
}

export function bridgeClient(client: ServiceClient): BridgeClient {
  return {
    async games(correlation, currency) {
      const res = await client.call<{ items: GameSummary[] }>(
        "GET",
        `/v1/games?currency=${encodeURIComponent(currency)}`,
        {
          correlation,
        },
      );
      if (res.status === 400 || res.status === 404 || res.status === 422) {
        throw new AppError(
          "currency_not_offered",
          422,
          "The currency is not offered",
          `No games are offered in ${currency}.`,
        );
      }
      if (res.status !== 200) throw unexpected("bridge", res.status);
      return res.body.items;
    },
    async launch(correlation, input) {
      const res = await client.call<Launch>("POST", "/v1/launch", { correlation, body: input });
      if (res.status === 201 || res.status === 200) return res.body;
      const code = problemCode(res.body);
      if (res.status === 404)
        throw new AppError("game_not_found", 404, "Not found", "There is no such game.");
      if (res.status === 400 || res.status === 409 || res.status === 422 || res.status === 403) {
        throw new AppError(
          "game_unavailable",
          422,
          "The game cannot be launched",
          `The game cannot be launched (${code ?? res.status}).`,
        );
      }
      throw unexpected("bridge", res.status);
    },
  };
}
