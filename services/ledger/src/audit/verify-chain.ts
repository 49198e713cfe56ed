// Recomputes every account's hash chain from the stored transactions and entries and reports the
// first broken link. Each transaction's hash covers the previous hash of its account, its own
// fields, the balances after it and all its legs (player entries and the house leg), so editing,
// inserting or deleting any of them breaks the chain at that transaction.
import { createHash } from "node:crypto";
import type { Sql } from "postgres";

export interface BrokenLink {
  accountId: string;
  playerId: string;
  currency: string;
  accountSeq: string;
  txId: string | null;
  reason: string;
}

export interface AuditReport {
  ok: boolean;
  accounts: number;
  transactions: number;
  broken?: BrokenLink;
}

interface TxRow {
  account_id: bigint;
  account_seq: bigint;
  tx_id: string;
  kind: string;
  currency: string;
  reference: string | null;
  created_us: bigint;
  cash_after: bigint;
  bonus_after: bigint;
  held_after: bigint;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

interface AccountRow {
  id: bigint;
  player_id: string;
  currency: string;
  cash: bigint;
  bonus: bigint;
  held: bigint;
  tx_seq: bigint;
  chain_hash: Uint8Array;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

export async function verifyAuditChain(
  sql: Sql,
  options: { batchAccounts?: number } = {},
): Promise<AuditReport> {
  const batch = options.batchAccounts ?? 500;
  let accounts = 0;
  let transactions = 0;
  let after = "0";
  for (;;) {
    const accountRows = await sql<AccountRow[]>`
      select id, player_id, currency, cash, bonus, held, tx_seq, chain_hash from accounts
      where id > ${after}::bigint order by id limit ${batch}`;
    const first = accountRows[0];
    const last = accountRows.at(-1);
    if (!first || !last) break;
    const lo = first.id.toString();
    const hi = last.id.toString();
    const txs = await sql<TxRow[]>`
      select account_id, account_seq, tx_id, kind, currency, reference,
             (extract(epoch from created_at) * 1000000)::bigint as created_us,
             cash_after, bonus_after, held_after, prev_hash, hash
      from transactions where account_id between ${lo}::bigint and ${hi}::bigint
      order by account_id, account_seq`;
    const entries = await sql<{ tx_id: string; bucket: string; amount: bigint }[]>`
      select tx_id, bucket, amount from entries where account_id between ${lo}::bigint and ${hi}::bigint
      order by account_id, seq`;
    const house = await sql<{ tx_id: string; house_id: string; amount: bigint }[]>`
      select h.tx_id, h.house_id, h.amount from house_entries h join transactions t on t.tx_id = h.tx_id
      where t.account_id between ${lo}::bigint and ${hi}::bigint order by h.tx_id, h.house_id`;
    const legs = new Map<string, string>();
    for (const e of entries) legs.set(e.tx_id, `${legs.get(e.tx_id) ?? ""}p:${e.bucket}:${e.amount};`);
    for (const h of house) legs.set(h.tx_id, `${legs.get(h.tx_id) ?? ""}h:${h.house_id}:${h.amount};`);
    const byAccount = new Map<string, TxRow[]>();
    for (const tx of txs) {
      const key = tx.account_id.toString();
      const list = byAccount.get(key);
      if (list) list.push(tx);
      else byAccount.set(key, [tx]);
    }
    for (const account of accountRows) {
      accounts += 1;
      const broken = (accountSeq: bigint, txId: string | null, reason: string): AuditReport => ({
        ok: false,
        accounts,
        transactions,
        broken: {
          accountId: account.id.toString(),
          playerId: account.player_id,
          currency: account.currency,
          accountSeq: accountSeq.toString(),
          txId,
          reason,
        },
      });
      let previous = new Uint8Array(0);
      let expectedSeq = 1n;
      let lastTx: TxRow | undefined;
      for (const tx of byAccount.get(account.id.toString()) ?? []) {
        transactions += 1;
        if (tx.account_seq !== expectedSeq) {
          return broken(
            expectedSeq,
            tx.tx_id,
            `transaction #${expectedSeq} is missing (found #${tx.account_seq})`,
          );
        }
        if (hex(tx.prev_hash) !== hex(previous)) {
          return broken(
            tx.account_seq,
            tx.tx_id,
            "the stored previous hash does not match the previous transaction",
          );
        }
        const canonical = [
          tx.tx_id,
          tx.kind,
          account.id,
          tx.account_seq,
          tx.currency,
          tx.reference ?? "",
          tx.created_us,
          tx.cash_after,
          tx.bonus_after,
          tx.held_after,
          legs.get(tx.tx_id) ?? "",
        ].join("|");
        const computed = createHash("sha256").update(previous).update(canonical, "utf8").digest();
        if (hex(computed) !== hex(tx.hash)) {
          return broken(
            tx.account_seq,
            tx.tx_id,
            "the transaction or its entries were altered (hash mismatch)",
          );
        }
        previous = new Uint8Array(computed);
        expectedSeq += 1n;
        lastTx = tx;
      }
      if (account.tx_seq !== expectedSeq - 1n || hex(account.chain_hash) !== hex(previous)) {
        return broken(account.tx_seq, null, "the account's chain head does not match its last transaction");
      }
      const balances = lastTx ? [lastTx.cash_after, lastTx.bonus_after, lastTx.held_after] : [0n, 0n, 0n];
      if (account.cash !== balances[0] || account.bonus !== balances[1] || account.held !== balances[2]) {
        return broken(
          account.tx_seq,
          lastTx?.tx_id ?? null,
          "the account balance differs from its last transaction",
        );
      }
    }
    after = hi;
  }
  return { ok: true, accounts, transactions };
}
