// A Map-backed BridgeStore with the same first-write-wins rules as the Postgres one; used by
// unit tests of the domain and the adapters.
import type {
  BridgeStore,
  GameRecord,
  PriorRecords,
  ProviderRecord,
  RoundChange,
  SessionRecord,
  StoredTransaction,
} from "./store-port.ts";

export interface MemoryRound {
  status: "open" | "closed";
  bets: number;
  wins: number;
  rollbacks: number;
}

export function createMemoryStore() {
  const providers = new Map<string, ProviderRecord>();
  const games = new Map<string, GameRecord>();
  const sessions = new Map<string, SessionRecord>();
  const transactions = new Map<string, StoredTransaction>();
  const requests = new Map<string, string>();
  const rounds = new Map<string, MemoryRound>();
  const key = (a: string, b: string) => `${a}\u0000${b}`;

  const applyRound = (change: RoundChange) => {
    const id = key(change.providerId, change.roundRef);
    const round = rounds.get(id) ?? { status: "open", bets: 0, wins: 0, rollbacks: 0 };
    if (change.kind === "bet") round.bets += 1;
    if (change.kind === "win") round.wins += 1;
    if (change.kind === "rollback") round.rollbacks += 1;
    if (change.close) round.status = "closed";
    rounds.set(id, round);
  };

  const store: BridgeStore = {
    listProviders: async () => [...providers.values()],
    findProvider: async (id) => providers.get(id),
    defaultProvider: async (adapter) =>
      [...providers.values()].find((p) => p.adapter === adapter && p.isDefault),
    findGame: async (providerId, gameCode) => games.get(key(providerId, gameCode)),
    listGames: async () => [...games.values()],
    findSession: async (token) => sessions.get(token),
    latestSessionOf: async (playerId) => [...sessions.values()].filter((s) => s.playerId === playerId).at(-1),
    createSession: async (session) => {
      sessions.set(session.token, session);
    },
    prior: async (query): Promise<PriorRecords> => {
      const { providerId } = query;
      const latest = query.latestSessionOf
        ? [...sessions.values()].filter((s) => s.playerId === query.latestSessionOf).at(-1)
        : undefined;
      return {
        response: requests.get(key(providerId, query.requestUuid)),
        transaction: query.transactionUuid
          ? transactions.get(key(providerId, query.transactionUuid))
          : undefined,
        referencedCurrency: query.referenceUuid
          ? transactions.get(key(providerId, query.referenceUuid))?.currency
          : undefined,
        latestSessionCurrency: latest?.currency,
      };
    },
    findTransaction: async (providerId, transactionUuid) =>
      transactions.get(key(providerId, transactionUuid)),
    record: async (entry) => {
      const requestKey = key(entry.providerId, entry.requestUuid);
      if (!requests.has(requestKey)) requests.set(requestKey, entry.responseText);
      if (entry.transaction) {
        const txKey = key(entry.providerId, entry.transaction.transactionUuid);
        if (transactions.has(txKey)) return;
        transactions.set(txKey, entry.transaction);
      }
      if (entry.round) applyRound(entry.round);
    },
  };
  return {
    store,
    rounds,
    addProvider: (p: ProviderRecord) => providers.set(p.id, p),
    addGame: (g: GameRecord) => games.set(key(g.providerId, g.gameCode), g),
  };
}
