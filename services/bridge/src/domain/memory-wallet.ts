// An in-memory model of the ledger's gaming rules (the contract in the ledger's API), so the
// domain and adapters can be unit-tested without a server. Integration tests use the real ledger.
import type { WalletBalance, WalletPort, WalletResult } from "./wallet-port.ts";

interface Account {
  balance: bigint;
  status: "active" | "blocked" | "self_excluded";
  /** Remaining loss allowance; undefined = no limit. */
  lossRemaining?: bigint;
}

interface Bet {
  playerId: string;
  currency: string;
  amount: bigint;
  roundId: string;
  state: "open" | "settled" | "rolled_back";
}

export function createMemoryWallet() {
  const accounts = new Map<string, Account>();
  const bets = new Map<string, Bet>();
  const tombstones = new Set<string>();
  const rounds = new Map<string, number>();
  const replies = new Map<string, { body: string; result: WalletResult }>();
  let txCounter = 0;
  const accountKey = (playerId: string, currency: string) => `${playerId}/${currency}`;
  const balanceOf = (account: Account): WalletBalance => ({ total: account.balance });
  const nextTx = () => `tx_mem_${++txCounter}`;

  const idempotent = (key: string, body: unknown, run: () => WalletResult): WalletResult => {
    const text = JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    const stored = replies.get(key);
    if (stored) return stored.body === text ? stored.result : { ok: false, code: "idempotency_conflict" };
    const result = run();
    replies.set(key, { body: text, result });
    return result;
  };

  const wallet: WalletPort = {
    async balances(playerId) {
      const out = new Map<string, WalletBalance>();
      for (const [k, account] of accounts) {
        const [owner, currency] = k.split("/") as [string, string];
        if (owner === playerId) out.set(currency, balanceOf(account));
      }
      return out;
    },
    async bet(input, key) {
      return idempotent(key, input, () => {
        const account = accounts.get(accountKey(input.playerId, input.currency));
        if (!account) return { ok: false, code: "unknown_account" };
        if (tombstones.has(input.betId)) return { ok: false, code: "bet_rolled_back" };
        if (bets.has(input.betId)) return { ok: false, code: "duplicate_bet" };
        if (account.status === "blocked") return { ok: false, code: "account_blocked" };
        if (account.status === "self_excluded") return { ok: false, code: "self_excluded" };
        if (account.lossRemaining !== undefined && input.amount > account.lossRemaining) {
          return { ok: false, code: "limit_exceeded" };
        }
        if (account.balance < input.amount)
          return { ok: false, code: "insufficient_funds", balance: balanceOf(account) };
        account.balance -= input.amount;
        if (account.lossRemaining !== undefined) account.lossRemaining -= input.amount;
        bets.set(input.betId, { ...input, state: "open" });
        rounds.set(input.roundId, (rounds.get(input.roundId) ?? 0) + 1);
        return { ok: true, txId: nextTx(), balance: balanceOf(account) };
      });
    },
    async win(input, key) {
      return idempotent(key, input, () => {
        const account = accounts.get(accountKey(input.playerId, input.currency));
        if (!account) return { ok: false, code: "unknown_account" };
        if (input.betId) {
          if (tombstones.has(input.betId)) return { ok: false, code: "already_rolled_back" };
          const bet = bets.get(input.betId);
          if (!bet) return { ok: false, code: "unknown_reference" };
          if (bet.state === "rolled_back") return { ok: false, code: "already_rolled_back" };
          if (bet.currency !== input.currency) return { ok: false, code: "currency_mismatch" };
          bet.state = "settled";
        } else if (!rounds.get(input.roundId)) {
          return { ok: false, code: "unknown_reference" };
        }
        account.balance += input.amount;
        return { ok: true, txId: nextTx(), balance: balanceOf(account) };
      });
    },
    async rollback(input, key) {
      return idempotent(key, input, () => {
        const account = accounts.get(accountKey(input.playerId, input.currency));
        if (!account) return { ok: false, code: "unknown_account" };
        const bet = bets.get(input.betId);
        if (!bet) {
          tombstones.add(input.betId);
          return { ok: true, txId: null, balance: balanceOf(account), tombstone: true };
        }
        if (bet.state === "settled") return { ok: false, code: "already_settled" };
        if (bet.state === "rolled_back") return { ok: true, txId: null, balance: balanceOf(account) };
        bet.state = "rolled_back";
        account.balance += bet.amount;
        return { ok: true, txId: nextTx(), balance: balanceOf(account) };
      });
    },
  };

  return {
    wallet,
    open(
      playerId: string,
      currency: string,
      balance: bigint,
      options: Partial<Omit<Account, "balance">> = {},
    ) {
      accounts.set(accountKey(playerId, currency), { balance, status: "active", ...options });
    },
    setStatus(playerId: string, currency: string, status: Account["status"]) {
      const account = accounts.get(accountKey(playerId, currency));
      if (account) account.status = status;
    },
    balance: (playerId: string, currency: string) => accounts.get(accountKey(playerId, currency))?.balance,
  };
}
