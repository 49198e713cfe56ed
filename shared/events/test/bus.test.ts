import { newId } from "@croupier/core/ids";
import { testNatsUrl, uniqueSuffix } from "@croupier/devstack/test-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, connectBus } from "../src/bus.ts";
import { type EventEnvelope, subject } from "../src/envelope.ts";

let bus: Bus;
const region = `t${uniqueSuffix()}`.replace(/[0-9]/g, "x");
const stream = `TEST_${region.toUpperCase()}`;

function event(data: Record<string, unknown>): EventEnvelope {
  return {
    id: newId("evt"),
    type: "test.thing.happened",
    occurredAt: new Date().toISOString(),
    jurisdiction: "eu",
    region,
    data,
  };
}

beforeAll(async () => {
  bus = await connectBus({ url: testNatsUrl(), name: "bus-test" });
  await bus.ensureStream({ name: stream, subjects: [`${region}.test.>`] });
  await bus.ensureStream({ name: stream, subjects: [`${region}.test.>`] }); // idempotent
});
afterAll(async () => {
  await bus.jsm.streams.delete(stream).catch(() => undefined);
  await bus.close();
});

describe("event bus on a real nats-server", () => {
  it("deduplicates a republished event by its id", async () => {
    const e = event({ n: 1 });
    const first = await bus.publish(subject(region, "test", "thing", "happened"), e);
    const again = await bus.publish(subject(region, "test", "thing", "happened"), e);
    expect(first.duplicate).toBe(false);
    expect(again.duplicate).toBe(true);
    expect(again.seq).toBe(first.seq);
  });

  it("delivers to a durable consumer and redelivers what the handler failed", async () => {
    const e = event({ n: 2 });
    await bus.publish(subject(region, "test", "thing", "happened"), e);
    const controller = new AbortController();
    const seen: { id: string; redelivered: boolean }[] = [];
    let failedOnce = false;
    const done = bus.consume({
      stream,
      durable: "bus-test",
      signal: controller.signal,
      handler: async (received, meta) => {
        if (received.id === e.id && !failedOnce) {
          failedOnce = true;
          throw new Error("transient");
        }
        seen.push({ id: received.id, redelivered: meta.redelivered });
        if (received.id === e.id) controller.abort();
      },
    });
    await done;
    expect(seen.find((s) => s.id === e.id)).toEqual({ id: e.id, redelivered: true });
  });

  it("refuses malformed subject tokens", () => {
    expect(() => subject("eu", "wallet", "tx.x", "committed")).toThrow(/invalid subject token/);
  });
});
