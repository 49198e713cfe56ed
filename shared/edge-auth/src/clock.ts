/** A moment: epoch milliseconds, a Date, or a function returning either (a clock). */
export type Now = number | Date | (() => number | Date);

export function unixSeconds(now: Now | undefined): number {
  const value = typeof now === "function" ? now() : (now ?? Date.now());
  const millis = value instanceof Date ? value.getTime() : value;
  return Math.floor(millis / 1000);
}
