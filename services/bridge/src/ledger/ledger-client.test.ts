// The ledger client over both transports against a stand-in HTTP server: answers are mapped to
// wallet results, and anything without a definite answer is WalletUnavailableError.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WalletUnavailableError } from "../domain/wallet-port.ts";
import { createLedgerClient, fetchTransport } from "./ledger-client.ts";
import { undiciTransport } from "./undici-transport.ts";

let server: Server;
let baseUrl: string;
const seen: { path: string; key: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({ path: req.url ?? "", key: req.headers["idempotency-key"] as string | undefined, body });
      const amount = (JSON.parse(body || "{}") as { amount?: string }).amount;
      res.setHeader("content-type", "application/json");
      if (amount === "500") {
        res.statusCode = 503;
        res.end("{}");
      } else if (amount === "409") {
        res.statusCode = 409;
        res.end(JSON.stringify({ code: "insufficient_funds", balance: { total: "7" } }));
      } else {
        res.statusCode = 201;
        res.end(JSON.stringify({ txId: "tx_1", balance: { total: "123456789012345678" } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const bet = (amount: bigint) => ({
  playerId: "ply_1",
  currency: "EUR",
  amount,
  betId: "p:tx:1",
  roundId: "p:round:1",
  gameId: "g",
  providerId: "p",
});

for (const [name, transport] of [
  ["fetch", () => fetchTransport()],
  ["undici", () => undiciTransport({ connections: 2 })],
] as const) {
  describe(`ledger client over ${name}`, () => {
    it("sends the bet with its idempotency key and reads the exact balance", async () => {
      const client = createLedgerClient({ baseUrl, secret: "s".repeat(32), transport: transport() });
      const result = await client.bet(bet(100n), "p:tx:1");
      expect(result).toEqual({ ok: true, txId: "tx_1", balance: { total: 123456789012345678n } });
      expect(seen.at(-1)).toMatchObject({ path: "/v1/bets", key: "p:tx:1" });
      expect(JSON.parse(seen.at(-1)?.body ?? "{}")).toMatchObject({ amount: "100", betId: "p:tx:1" });
    });

    it("maps a known refusal and treats a 5xx or an unreachable ledger as unknown", async () => {
      const client = createLedgerClient({ baseUrl, secret: "s".repeat(32), transport: transport() });
      expect(await client.bet(bet(409n), "k")).toEqual({
        ok: false,
        code: "insufficient_funds",
        balance: { total: 7n },
      });
      await expect(client.bet(bet(500n), "k")).rejects.toBeInstanceOf(WalletUnavailableError);
      const nowhere = createLedgerClient({
        baseUrl: "http://127.0.0.1:1",
        secret: "s".repeat(32),
        transport: transport(),
      });
      await expect(nowhere.bet(bet(1n), "k")).rejects.toBeInstanceOf(WalletUnavailableError);
      expect(await nowhere.isHealthy?.()).toBe(false);
      expect(await client.isHealthy?.()).toBe(true);
    });
  });
}
