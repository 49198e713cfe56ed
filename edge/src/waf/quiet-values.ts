/**
 * Values on which no value-only rule of a plan fired, remembered across the isolate's requests.
 *
 * A verdict of a value-only rule is a function of the value alone, so "nothing fired on this value
 * under this plan" stays true for as long as the plan exists. Most of what a client sends again and
 * again is such a value: its browser's `user-agent`, `accept-*` and `sec-*` headers, its cookies,
 * enum values and JSON keys. Target-dependent rules still run on every occurrence.
 *
 * Memory is bounded whatever clients send: two generations of at most `perGeneration` values each
 * (the caller keeps values short); when the current one fills, the previous one is dropped, so a flood
 * of new values costs only hits, never growth. A value seen under several plans (the same text in two
 * headers) keeps a verdict per plan, up to MAX_PLANS_PER_VALUE.
 */
type Entry = { plan: object; code: number; next: Entry | undefined };

const MAX_PLANS_PER_VALUE = 4;

export class QuietValues {
  private current = new Map<string, Entry>();
  private previous = new Map<string, Entry>();

  private readonly perGeneration: number;

  constructor(perGeneration: number) {
    this.perGeneration = perGeneration;
  }

  /** The code remembered for `value` under `plan`, if any. */
  get(plan: object, value: string): number | undefined {
    let entry = this.current.get(value);
    if (entry === undefined) {
      entry = this.previous.get(value);
      if (entry === undefined) return undefined;
      // Still in use: carry it into the current generation so it outlives the next turnover.
      this.store(value, entry);
    }
    for (let at: Entry | undefined = entry; at !== undefined; at = at.next)
      if (at.plan === plan) return at.code;
    return undefined;
  }

  set(plan: object, value: string, code: number): void {
    const head = this.current.get(value) ?? this.previous.get(value);
    let kept = 1;
    for (let at = head; at !== undefined && kept < MAX_PLANS_PER_VALUE; at = at.next) kept++;
    this.store(value, { plan, code, next: kept < MAX_PLANS_PER_VALUE ? head : undefined });
  }

  /** How many values are remembered (both generations; a value in both counts twice). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  private store(value: string, entry: Entry): void {
    if (!this.current.has(value) && this.current.size >= this.perGeneration) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(value, entry);
  }
}
