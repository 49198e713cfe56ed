// The Node entry's way to the ledger: undici's request API over one keep-alive pool, which costs
// less CPU per call than Web fetch (no Request/Response/stream objects) and caps the sockets at
// LEDGER_MAX_SOCKETS. Deno keeps the fetch transport.
import { Agent, request } from "undici";
import type { LedgerTransport } from "./ledger-client.ts";

export function undiciTransport(options: { connections: number; keepAliveTimeoutMs?: number }) {
  const agent = new Agent({
    connections: options.connections,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
    // One request at a time per socket: a slow ledger answer must not hold up others behind it.
    pipelining: 1,
  });
  const transport: LedgerTransport & { close(): Promise<void> } = {
    async send({ method, url, headers, body, timeoutMs }) {
      const response = await request(url, {
        method: method as "GET" | "POST",
        headers,
        body,
        dispatcher: agent,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      return { status: response.statusCode, text: await response.body.text() };
    },
    close: () => agent.close(),
  };
  return transport;
}
