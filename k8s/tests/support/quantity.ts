const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const decimal: Record<string, number> = { m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** A Kubernetes resource quantity ("250m", "1", "512Mi", "4Ti") as a number of base units. */
export function quantity(value: string | number): number {
  const text = String(value);
  const match = /^([0-9.]+)([A-Za-z]*)$/.exec(text);
  if (!match) throw new Error(`not a quantity: ${text}`);
  const amount = Number(match[1]);
  const unit = match[2] ?? "";
  const factor = binary[unit] ?? decimal[unit];
  if (factor === undefined) throw new Error(`unknown unit in ${text}`);
  return amount * factor;
}
