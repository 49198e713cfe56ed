// Provider protocols carry amounts as integers of 0.00001; the ledger keeps each currency at
// its own scale. Conversions are exact or refused, never rounded, except balances shown to a
// provider of a finer-scaled currency, which are truncated (never overstated).
import { currencies, rescale } from "@croupier/money";

export const WIRE_SCALE = 5;

export function wireToUnits(wire: bigint, currency: string): bigint | undefined {
  const found = currencies[currency];
  if (!found) return undefined;
  try {
    return rescale(wire, WIRE_SCALE, found.scale);
  } catch {
    return undefined;
  }
}

export function unitsToWire(units: bigint, currency: string): bigint {
  const scale = currencies[currency]?.scale ?? WIRE_SCALE;
  if (scale <= WIRE_SCALE) return units * 10n ** BigInt(WIRE_SCALE - scale);
  return units / 10n ** BigInt(scale - WIRE_SCALE);
}
