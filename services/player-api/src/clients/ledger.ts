// The ledger operations player-api uses (role `player`; contract in the ledger's API notes).
import { AppError } from "@croupier/core/problem";
import { type Correlation, problemCode, type ServiceClient, unexpected } from "./service-client.ts";

export interface Balance {
  currency: string;
  cash: string;
  bonus: string;
  total: string;
  held: string;
}

export interface LedgerTransaction {
  txId: string;
  kind: string;
  amount: string;
  currency: string;
  bucket: string;
  balanceAfter: { cash: string; bonus: string };
  reference: string | null;
  createdAt: string;
}

export type PeriodLimits = { day?: string | null; week?: string | null; month?: string | null };

export interface LedgerControlsUpdate {
  currency: string;
  status?: "active" | "blocked" | "closed";
  limits?: { deposit?: PeriodLimits; loss?: PeriodLimits };
  exclusion?: { kind: "self_exclusion" | "cool_off"; until: string | null } | null;
}

export interface LedgerClient {
  openAccount(
    c: Correlation,
    input: { playerId: string; currency: string; jurisdiction: string },
  ): Promise<void>;
  balances(c: Correlation, playerId: string): Promise<Balance[]>;
  transactions(
    c: Correlation,
    input: { playerId: string; currency?: string; limit: number; cursor?: string },
  ): Promise<{ items: LedgerTransaction[]; nextCursor: string | null }>;
  putControls(c: Correlation, playerId: string, update: LedgerControlsUpdate): Promise<unknown>;
  getControls(c: Correlation, playerId: string): Promise<unknown>;
  adjust(
    c: Correlation,
    input: {
      playerId: string;
      currency: string;
      amount: string;
      bucket: "cash" | "bonus";
      actor: string;
      reason: string;
      adjustmentId: string;
    },
    idempotencyKey: string,
  ): Promise<{ status: number; body: unknown }>;
}

const seg = encodeURIComponent;

export function ledgerClient(client: ServiceClient): LedgerClient {
  return {
    async openAccount(correlation, { playerId, currency, jurisdiction }) {
      const res = await client.call("POST", `/v1/players/${seg(playerId)}/accounts`, {
        correlation,
        body: { currency, jurisdiction },
      });
      if (res.status !== 200 && res.status !== 201) throw unexpected("ledger", res.status);
    },
    async balances(correlation, playerId) {
      const res = await client.call<{ balances: Balance[] }>("GET", `/v1/players/${seg(playerId)}/balances`, {
        correlation,
      });
      if (res.status === 404) return [];
      if (res.status !== 200) throw unexpected("ledger", res.status);
      return res.body.balances;
    },
    async transactions(correlation, { playerId, currency, limit, cursor }) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (currency) query.set("currency", currency);
      if (cursor) query.set("cursor", cursor);
      const res = await client.call<{ items: LedgerTransaction[]; nextCursor: string | null }>(
        "GET",
        `/v1/players/${seg(playerId)}/transactions?${query}`,
        { correlation },
      );
      if (res.status === 404) return { items: [], nextCursor: null };
      if (res.status === 400 || res.status === 422) {
        throw new AppError(
          "invalid_query",
          400,
          "The request is not valid",
          "The cursor or currency is not valid.",
        );
      }
      if (res.status !== 200) throw unexpected("ledger", res.status);
      return res.body;
    },
    async putControls(correlation, playerId, update) {
      const res = await client.call("PUT", `/v1/players/${seg(playerId)}/controls`, {
        correlation,
        body: update,
      });
      if (res.status !== 200) throw unexpected("ledger", res.status);
      return res.body;
    },
    async getControls(correlation, playerId) {
      const res = await client.call("GET", `/v1/players/${seg(playerId)}/controls`, { correlation });
      if (res.status === 404) return null;
      if (res.status !== 200) throw unexpected("ledger", res.status);
      return res.body;
    },
    async adjust(correlation, input, idempotencyKey) {
      const res = await client.call("POST", "/v1/adjustments", {
        correlation,
        body: input,
        headers: { "idempotency-key": idempotencyKey },
      });
      if (res.status === 201 || res.status === 200) return res;
      const code = problemCode(res.body);
      if (res.status === 409)
        throw new AppError(
          code ?? "idempotency_conflict",
          409,
          "The request conflicts with the current state",
          "This Idempotency-Key was used with a different request.",
        );
      if (res.status === 422 || res.status === 400)
        throw new AppError(
          code ?? "adjustment_refused",
          422,
          "The adjustment was refused",
          `The ledger refused the adjustment (${code ?? res.status}).`,
        );
      if (res.status === 404)
        throw new AppError(
          "unknown_account",
          404,
          "Not found",
          "The player has no account in this currency.",
        );
      throw unexpected("ledger", res.status);
    },
  };
}
