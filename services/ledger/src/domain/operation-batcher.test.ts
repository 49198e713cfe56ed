// The batcher's scheduling against a stand-in for postgres.js that records each ledger_batch
// statement and answers only when told to (what the database does is covered in test/batch.test.ts).
import type { Sql } from "postgres";
import { describe, expect, it } from "vitest";
import type { LedgerCall } from "./ledger-call.ts";
import { BatchAborted, createOperationBatcher } from "./operation-batcher.ts";

interface SentBatch {
  calls: [string, LedgerCall["args"]][];
  answer(): void;
  fail(): void;
}

function recordingSql() {
  const sent: SentBatch[] = [];
  const answerOf = (args: LedgerCall["args"]) => ({ status: 201, body: { key: args[1] } });
  // A batch of several operations is one ledger_batch statement…
  const statement = (_strings: TemplateStringsArray, ops: string) =>
    new Promise((resolve, reject) => {
      const calls = JSON.parse(ops) as SentBatch["calls"];
      sent.push({
        calls,
        answer: () => resolve([{ r: calls.map(([, args]) => answerOf(args)) }]),
        fail: () => reject(new Error("connection lost")),
      });
    });
  // …and a batch of one is the function's own statement.
  const unsafe = (text: string, args: LedgerCall["args"]) =>
    new Promise((resolve, reject) => {
      sent.push({
        calls: [[text, args]],
        answer: () => resolve([{ r: answerOf(args) }]),
        fail: () => reject(new Error("connection lost")),
      });
    });
  return { sql: Object.assign(statement, { unsafe }) as unknown as Sql, sent };
}

const bet = (key: string): LedgerCall => ({ fn: "ledger_bet", args: ["bridge", key] });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const settle = () => wait(5);

describe("operation batcher", () => {
  it("holds new operations while every batch is in flight, then sends them as one batch", async () => {
    const { sql, sent } = recordingSql();
    const batcher = createOperationBatcher({ sql, windowMs: 1, maxBatch: 64, maxInFlight: 1 });
    const first = ["b", "a"].map((key) => batcher.submit(key, bet(key)));
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.calls.map(([, args]) => args[1])).toEqual(["a", "b"]); // in account order

    const later = ["e", "c", "d"].map((key) => batcher.submit(key, bet(key)));
    await settle();
    expect(sent).toHaveLength(1); // the only slot is busy: nothing else goes out

    sent[0]?.answer();
    expect(await Promise.all(first)).toEqual([
      { status: 201, body: { key: "b" } },
      { status: 201, body: { key: "a" } },
    ]);
    await settle();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.calls.map(([, args]) => args[1])).toEqual(["c", "d", "e"]);
    sent[1]?.answer();
    expect((await Promise.all(later)).map((a) => (a as { body: { key: string } }).body.key)).toEqual([
      "e",
      "c",
      "d",
    ]);
  });

  it("runs up to maxInFlight batches at once, caps each at maxBatch and reports every size", async () => {
    const { sql, sent } = recordingSql();
    const sizes: number[] = [];
    const batcher = createOperationBatcher({
      sql,
      windowMs: 1,
      maxBatch: 2,
      maxInFlight: 2,
      onBatch: (operations) => sizes.push(operations),
    });
    const answers = ["a", "b", "c", "d", "e"].map((key) => batcher.submit(key, bet(key)));
    await settle();
    expect(sent.map((b) => b.calls.length)).toEqual([2, 2]);
    sent[0]?.answer();
    await settle();
    expect(sent.map((b) => b.calls.length)).toEqual([2, 2, 1]);
    expect(sizes).toEqual([2, 2, 1]);
    sent[1]?.answer();
    sent[2]?.answer();
    expect(await Promise.all(answers)).toHaveLength(5);
  });

  it("lets a queue still inside its window gather when a batch finishes", async () => {
    const { sql, sent } = recordingSql();
    const batcher = createOperationBatcher({ sql, windowMs: 20, maxBatch: 64, maxInFlight: 2 });
    const first = batcher.submit("a", bet("a"));
    await wait(25);
    expect(sent).toHaveLength(1);
    const second = ["c", "b"].map((key) => batcher.submit(key, bet(key)));
    sent[0]?.answer();
    await first;
    await settle();
    expect(sent).toHaveLength(1); // the finished batch does not send b and c before their window ends
    await wait(25);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.calls.map(([, args]) => args[1])).toEqual(["b", "c"]);
    sent[1]?.answer();
    expect(await Promise.all(second)).toHaveLength(2);
  });

  it("sends a queue whose window ended at the next free slot, even if more operations joined it", async () => {
    const { sql, sent } = recordingSql();
    const batcher = createOperationBatcher({ sql, windowMs: 20, maxBatch: 64, maxInFlight: 1 });
    const first = batcher.submit("a", bet("a"));
    await wait(25);
    expect(sent).toHaveLength(1);
    const waiting = batcher.submit("b", bet("b"));
    await wait(25); // b's window ends while the only slot is busy
    const late = batcher.submit("c", bet("c"));
    sent[0]?.answer();
    await first;
    await settle();
    expect(sent).toHaveLength(2); // b does not wait for a new window because c joined it
    expect(sent[1]?.calls.map(([, args]) => args[1])).toEqual(["b", "c"]);
    sent[1]?.answer();
    expect(await Promise.all([waiting, late])).toHaveLength(2);
  });

  it("rejects every operation of a failed batch with BatchAborted and keeps going", async () => {
    const { sql, sent } = recordingSql();
    const batcher = createOperationBatcher({ sql, windowMs: 1, maxBatch: 64, maxInFlight: 1 });
    const failed = ["a", "b"].map((key) => batcher.submit(key, bet(key)));
    await settle();
    sent[0]?.fail();
    await Promise.all(failed.map((answer) => expect(answer).rejects.toBeInstanceOf(BatchAborted)));
    const next = ["c", "d"].map((key) => batcher.submit(key, bet(key)));
    await settle();
    sent[1]?.answer();
    expect(await Promise.all(next)).toHaveLength(2);
  });
});
