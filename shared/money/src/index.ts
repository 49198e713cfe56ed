// Money is an integer count of units at a fixed scale per currency. Nothing here uses
// floating point; a conversion that would lose a unit is refused, never rounded.

export interface Currency {
  code: string;
  /** Decimal places of one unit: 5 means one unit is 0.00001. */
  scale: number;
}

/**
 * Fiat uses 5 decimals so that the finest provider wire amount (units of 0.00001) maps to
 * whole units; crypto uses 8 (satoshi).
 */
export const currencies: Record<string, Currency> = {
  EUR: { code: "EUR", scale: 5 },
  GBP: { code: "GBP", scale: 5 },
  CAD: { code: "CAD", scale: 5 },
  USD: { code: "USD", scale: 5 },
  SEK: { code: "SEK", scale: 5 },
  NOK: { code: "NOK", scale: 5 },
  DKK: { code: "DKK", scale: 5 },
  CHF: { code: "CHF", scale: 5 },
  BTC: { code: "BTC", scale: 8 },
};

export class MoneyError extends Error {
  override name = "MoneyError";
}

export function currency(code: string): Currency {
  const found = currencies[code];
  if (!found) throw new MoneyError(`unknown currency ${code}`);
  return found;
}

const UNITS = /^(0|[1-9][0-9]{0,29})$/;
const SIGNED_UNITS = /^-?(0|[1-9][0-9]{0,29})$/;

/** Parses a wire amount (a decimal string of whole units) into bigint; refuses anything else. */
export function parseUnits(text: string, { allowNegative = false } = {}): bigint {
  if (typeof text !== "string" || !(allowNegative ? SIGNED_UNITS : UNITS).test(text)) {
    throw new MoneyError('amount must be a string of whole units, e.g. "125000"');
  }
  return BigInt(text);
}

/** Re-expresses an amount at another scale; refuses when a fraction of a unit would be lost. */
export function rescale(amount: bigint, fromScale: number, toScale: number): bigint {
  if (toScale >= fromScale) return amount * 10n ** BigInt(toScale - fromScale);
  const divisor = 10n ** BigInt(fromScale - toScale);
  if (amount % divisor !== 0n) {
    throw new MoneyError(`amount ${amount} at scale ${fromScale} is not exact at scale ${toScale}`);
  }
  return amount / divisor;
}

/** Parses a human decimal ("12.34") into units of the currency; refuses extra precision. */
export function parseDecimal(text: string, code: string): bigint {
  const { scale } = currency(code);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new MoneyError(`not a decimal amount: ${text}`);
  const [, sign, whole, fraction = ""] = match as unknown as [string, string, string, string | undefined];
  if (fraction.length > scale) throw new MoneyError(`${code} has ${scale} decimals; ${text} has more`);
  const units = BigInt(whole) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, "0") || "0");
  return sign === "-" ? -units : units;
}

/** Formats units as a human decimal string ("12.34000"). */
export function formatDecimal(amount: bigint, code: string): string {
  const { scale } = currency(code);
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? "-" : ""}${whole}${scale > 0 ? `.${fraction}` : ""}`;
}
