// Reads every message of a wallet stream with an ordered consumer (for assertions on delivery).
import type { Bus } from "@croupier/events/bus";
import type { EventEnvelope } from "@croupier/events/envelope";

export function randomRegion(): string {
  return Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

export async function readStream(
  bus: Bus,
  stream: string,
  expected: number,
  timeoutMs = 30_000,
): Promise<EventEnvelope[]> {
  const consumer = await bus.js.consumers.get(stream);
  const messages = await consumer.consume();
  const events: EventEnvelope[] = [];
  const timer = setTimeout(() => void messages.close(), timeoutMs);
  try {
    for await (const message of messages) {
      events.push(JSON.parse(new TextDecoder().decode(message.data)) as EventEnvelope);
      if (events.length >= expected) break;
    }
  } finally {
    clearTimeout(timer);
    await messages.close();
  }
  return events;
}

export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
