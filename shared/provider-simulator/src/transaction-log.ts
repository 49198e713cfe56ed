// What the provider believes happened, per transaction: the source of its reconciliation reports.
export interface LoggedTransaction {
  transaction_uuid: string;
  kind: "bet" | "win" | "rollback";
  user: string;
  currency: string;
  amount: number;
  status: "ok" | "failed";
  at: string;
}

export function createTransactionLog(limit = 100_000) {
  const entries: LoggedTransaction[] = [];
  return {
    add(entry: Omit<LoggedTransaction, "at">) {
      entries.push({ ...entry, at: new Date().toISOString() });
      if (entries.length > limit) entries.shift();
    },
    between(from: Date, to: Date) {
      return entries.filter((e) => e.at >= from.toISOString() && e.at < to.toISOString());
    },
    all: () => [...entries],
  };
}

export type TransactionLog = ReturnType<typeof createTransactionLog>;
