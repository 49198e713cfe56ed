// The WalletPort over the ledger's internal HTTP API (services/ledger/API.md): service token,
// Idempotency-Key, correlation headers, and the ledger's problem codes passed through as
// WalletErrorCodes. Anything without a definite answer is WalletUnavailableError.
import { serviceTokenMinter } from "@croupier/core/service-auth";
import {
  type CallContext,
  type WalletBalance,
  type WalletErrorCode,
  type WalletPort,
  type WalletResult,
  WalletUnavailableError,
} from "../domain/wallet-port.ts";

const KNOWN_CODES = new Set<WalletErrorCode>([
  "insufficient_funds",
  "self_excluded",
  "account_blocked",
  "limit_exceeded",
  "bet_rolled_back",
  "duplicate_bet",
  "idempotency_conflict",
  "currency_mismatch",
  "unknown_account",
  "unknown_reference",
  "already_rolled_back",
  "already_settled",
]);

/** How a request reaches the ledger: Web fetch by default, a pooled HTTP client on Node (undici-transport.ts). */
export interface LedgerTransport {
  send(request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string;
    timeoutMs: number;
  }): Promise<{ status: number; text: string }>;
}

export function fetchTransport(doFetch: typeof fetch = fetch): LedgerTransport {
  return {
    async send({ method, url, headers, body, timeoutMs }) {
      const response = await doFetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
      return { status: response.status, text: await response.text().catch(() => "") };
    },
  };
}

export interface LedgerClientOptions {
  baseUrl: string;
  secret: string;
  caller?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Replaces `fetch` (e.g. a keep-alive pool on Node). */
  transport?: LedgerTransport;
}

type Json = Record<string, unknown>;

function amountOf(value: unknown): bigint | undefined {
  if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (value && typeof value === "object" && "amount" in value) return amountOf((value as Json).amount);
  return undefined;
}

function balanceOf(value: unknown): WalletBalance | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object") {
    const total = amountOf(value);
    return total === undefined ? undefined : { total };
  }
  const record = value as Json;
  const total = amountOf(record.total) ?? (amountOf(record.cash) ?? 0n) + (amountOf(record.bonus) ?? 0n);
  return { total };
}

export function createLedgerClient(options: LedgerClientOptions): WalletPort {
  const mint = serviceTokenMinter({
    caller: options.caller ?? "bridge",
    audience: "ledger",
    secret: options.secret,
  });
  const transport = options.transport ?? fetchTransport(options.fetch);
  const timeoutMs = options.timeoutMs ?? 5_000;
  const base = options.baseUrl.replace(/\/$/, "");

  async function call(
    method: string,
    path: string,
    body: Json | undefined,
    key: string | undefined,
    context?: CallContext,
  ) {
    const headers: Record<string, string> = { authorization: `Bearer ${await mint()}` };
    if (body) headers["content-type"] = "application/json";
    if (key) headers["idempotency-key"] = key;
    if (context?.requestId) headers["x-request-id"] = context.requestId;
    if (context?.traceparent) headers.traceparent = context.traceparent;
    let response: { status: number; text: string };
    try {
      response = await transport.send({
        method,
        url: `${base}${path}`,
        headers,
        // Amounts are already decimal strings: no bigint replacer needed on the hot path.
        ...(body ? { body: JSON.stringify(body) } : {}),
        timeoutMs,
      });
    } catch (error) {
      throw new WalletUnavailableError(`ledger ${method} ${path} failed: ${(error as Error).message}`);
    }
    let json: Json = {};
    try {
      json = response.text ? (JSON.parse(response.text) as Json) : {};
    } catch {
      json = {};
    }
    return { status: response.status, json };
  }

  async function money(path: string, body: Json, key: string, context?: CallContext): Promise<WalletResult> {
    const { status, json } = await call("POST", path, body, key, context);
    if (status === 200 || status === 201) {
      return {
        ok: true,
        txId: typeof json.txId === "string" ? json.txId : null,
        balance: balanceOf(json.balance) ?? { total: 0n },
        ...(json.tombstone === true ? { tombstone: true } : {}),
      };
    }
    const code = json.code as WalletErrorCode;
    if (status >= 400 && status < 500 && KNOWN_CODES.has(code)) {
      const balance = balanceOf(json.balance);
      return { ok: false, code, ...(balance ? { balance } : {}) };
    }
    throw new WalletUnavailableError(`ledger ${path} answered ${status} ${String(json.code ?? "")}`.trim());
  }

  return {
    async balances(playerId, context) {
      const { status, json } = await call(
        "GET",
        `/v1/players/${encodeURIComponent(playerId)}/balances`,
        undefined,
        undefined,
        context,
      );
      const out = new Map<string, WalletBalance>();
      if (status === 404) return out;
      if (status !== 200) throw new WalletUnavailableError(`ledger balances answered ${status}`);
      for (const item of (json.balances as Json[] | undefined) ?? []) {
        const balance = balanceOf(item);
        if (typeof item.currency === "string" && balance) out.set(item.currency, balance);
      }
      return out;
    },
    bet: (input, key, context) =>
      money("/v1/bets", { ...input, amount: input.amount.toString() }, key, context),
    win: (input, key, context) =>
      money("/v1/wins", { ...input, amount: input.amount.toString() }, key, context),
    rollback: (input, key, context) => money("/v1/rollbacks", { ...input }, key, context),
    async isHealthy() {
      try {
        const response = await transport.send({
          method: "GET",
          url: `${base}/healthz/live`,
          headers: {},
          timeoutMs: 1_000,
        });
        return response.status >= 200 && response.status < 300;
      } catch {
        return false;
      }
    },
  };
}
