// A thin JetStream wrapper: publish with the event id as the deduplication id, declare
// streams idempotently, and consume through durable consumers that ack only after the
// handler has committed its own work.
import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from "@nats-io/jetstream";
import { type NatsConnection, headers as natsHeaders } from "@nats-io/nats-core";
import { connect } from "@nats-io/transport-node";
import { type EventEnvelope, eventEnvelope } from "./envelope.ts";

export interface StreamSpec {
  name: string;
  subjects: string[];
  /** Window in which JetStream drops a repeated Nats-Msg-Id. */
  duplicateWindowMs?: number;
  maxAgeMs?: number;
  replicas?: number;
}

export interface Bus {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  ensureStream(spec: StreamSpec): Promise<void>;
  publish(
    subjectName: string,
    event: EventEnvelope,
    headers?: Record<string, string>,
  ): Promise<{ seq: number; duplicate: boolean }>;
  consume(options: {
    stream: string;
    durable: string;
    filterSubject?: string;
    handler: (event: EventEnvelope, meta: { subject: string; redelivered: boolean }) => Promise<void>;
    signal?: AbortSignal;
  }): Promise<void>;
  isConnected(): boolean;
  close(): Promise<void>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Publishes an envelope that is already JSON text (e.g. straight from an outbox column) without
 * parsing and re-serialising it; same deduplication id and trace header as `Bus.publish`.
 */
export async function publishSerialized(
  bus: Pick<Bus, "js">,
  subjectName: string,
  event: { id: string; json: string; traceparent?: string | null },
): Promise<{ seq: number; duplicate: boolean }> {
  const h = natsHeaders();
  if (event.traceparent) h.set("traceparent", event.traceparent);
  const ack = await bus.js.publish(subjectName, encoder.encode(event.json), { msgID: event.id, headers: h });
  return { seq: ack.seq, duplicate: ack.duplicate };
}

export async function connectBus(options: { url: string; name: string }): Promise<Bus> {
  const nc = await connect({
    servers: options.url.split(","),
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Without this every request (each JetStream publish awaits an ack) builds Error objects up
    // front just to keep a stack for a possible timeout: measurable CPU on the outbox relay.
    noAsyncTraces: true,
  });
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  return {
    nc,
    js,
    jsm,
    async ensureStream(spec) {
      const config = {
        name: spec.name,
        subjects: spec.subjects,
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        num_replicas: spec.replicas ?? 1,
        duplicate_window: (spec.duplicateWindowMs ?? 2 * 60_000) * 1_000_000,
        max_age: (spec.maxAgeMs ?? 7 * 24 * 3600_000) * 1_000_000,
      };
      try {
        await jsm.streams.info(spec.name);
        await jsm.streams.update(spec.name, config);
      } catch (error) {
        if (!String(error).includes("stream not found")) throw error;
        await jsm.streams.add(config);
      }
    },
    async publish(subjectName, event, headers) {
      const h = natsHeaders();
      for (const [k, v] of Object.entries(headers ?? {})) h.set(k, v);
      if (event.traceparent) h.set("traceparent", event.traceparent);
      const ack = await js.publish(subjectName, encoder.encode(JSON.stringify(event)), {
        msgID: event.id,
        headers: h,
      });
      return { seq: ack.seq, duplicate: ack.duplicate };
    },
    async consume({ stream, durable, filterSubject, handler, signal }) {
      try {
        await jsm.consumers.info(stream, durable);
      } catch {
        await jsm.consumers.add(stream, {
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          ack_wait: 30_000_000_000,
          ...(filterSubject ? { filter_subject: filterSubject } : {}),
        });
      }
      const consumer = await js.consumers.get(stream, durable);
      const messages = await consumer.consume();
      signal?.addEventListener("abort", () => void messages.close());
      for await (const message of messages) {
        const parsed = eventEnvelope.safeParse(JSON.parse(decoder.decode(message.data)));
        if (!parsed.success) {
          // A malformed event can never succeed; terminate it instead of redelivering forever.
          message.term("malformed envelope");
          continue;
        }
        try {
          await handler(parsed.data, { subject: message.subject, redelivered: message.redelivered });
          message.ack();
        } catch {
          message.nak(1_000);
        }
      }
    },
    isConnected: () => !nc.isClosed(),
    async close() {
      if (!nc.isClosed()) await nc.drain();
    },
  };
}
