import { V7Generator } from "uuidv7";

// The library's default source draws 32 random bytes per getRandomValues call (a system call
// every two ids); ids are minted several times per request, so draw 4 KiB at a time instead.
const randomWords = new Uint32Array(1024);
let wordCursor = randomWords.length;
const generator = new V7Generator({
  nextUint32() {
    if (wordCursor >= randomWords.length) {
      crypto.getRandomValues(randomWords);
      wordCursor = 0;
    }
    return randomWords[wordCursor++] as number;
  },
});

/** Id prefixes of the platform; the prefix tells a reader what an id names. */
export type IdPrefix =
  | "ply" // player
  | "acc" // ledger account
  | "tx" // ledger transaction
  | "ent" // ledger entry
  | "hld" // withdrawal hold
  | "bet"
  | "rnd" // game round
  | "req" // request
  | "evt" // event
  | "ses" // session
  | "op" // operator
  | "stf" // staff member
  | "aud" // audit record
  | "ref"; // error reference

/** A prefixed, time-ordered id (UUIDv7 without dashes), e.g. `tx_0192f0c1a2b37c3d8e9f0a1b2c3d4e5f`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${generator.generate().toHex()}`;
}

export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  return new RegExp(`^${prefix}_[0-9a-f]{32}$`).test(id);
}
