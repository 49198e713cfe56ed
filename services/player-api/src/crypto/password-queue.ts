// Password hashing is the service's most expensive work (argon2id, ~0.1–0.25 s of one core each,
// ADR 0601) and runs on the event loop. A burst of logins beyond what the process can hash would
// otherwise queue invisibly in front of the event loop and stall every other request with it, until
// callers time out. Instead, hashes run one at a time from an explicit queue, yielding to the event
// loop between them (so health checks and other routes are still served), and a request that finds
// the queue full is told at once to come back shortly.
import { AppError } from "@croupier/core/problem";
import type { PasswordHasher } from "./password.ts";

export function busy(): AppError {
  return new AppError(
    "busy",
    503,
    "Temporarily busy",
    "Too many sign-ins are being processed right now. Please retry in a few seconds.",
    { headers: { "retry-after": "2" } },
  );
}

/** Runs password work one piece at a time; refuses with `busy` when `maxWaiting` are already queued. */
export class PasswordQueue {
  private running = false;
  private readonly waiting: (() => void)[] = [];
  private readonly maxWaiting: number;

  constructor(maxWaiting: number) {
    this.maxWaiting = maxWaiting;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running && this.waiting.length >= this.maxWaiting) throw busy();
    if (this.running) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running = true;
    try {
      return await work();
    } finally {
      // A macrotask, not a microtask: requests that arrived during this hash reach their handlers
      // (and the queue, or its refusal) before the next hash blocks the loop again.
      setTimeout(() => this.next(), 0);
    }
  }

  /** How many are waiting behind the one running. */
  get length(): number {
    return this.waiting.length;
  }

  private next(): void {
    const resume = this.waiting.shift();
    if (resume) resume();
    else this.running = false;
  }
}

/** `hasher` with every operation taken through `queue`. */
export function queuedHasher(hasher: PasswordHasher, queue: PasswordQueue): PasswordHasher {
  return {
    hash: (password) => queue.run(() => hasher.hash(password)),
    verify: (password, encoded) => queue.run(() => hasher.verify(password, encoded)),
    verifyDummy: (password) => queue.run(() => hasher.verifyDummy(password)),
  };
}
