// A three-reel slot with a fixed pay table; the payout is a whole multiple of the stake so it
// stays exact in any currency. RTP of this table: sum(p × multiplier) = 0.96.
export interface SpinResult {
  reels: [string, string, string];
  multiplier: number;
}

const PAY_TABLE: { probability: number; multiplier: number; reels: [string, string, string] }[] = [
  { probability: 0.002, multiplier: 100, reels: ["7", "7", "7"] },
  { probability: 0.01, multiplier: 20, reels: ["BAR", "BAR", "BAR"] },
  { probability: 0.04, multiplier: 5, reels: ["🍒", "🍒", "🍒"] },
  { probability: 0.16, multiplier: 2, reels: ["🍋", "🍋", "🍒"] },
  { probability: 0.04, multiplier: 1, reels: ["🍋", "🍒", "🍋"] },
];
export const SLOT_RTP = PAY_TABLE.reduce((sum, row) => sum + row.probability * row.multiplier, 0);

export function spin(random: () => number = Math.random): SpinResult {
  let roll = random();
  for (const row of PAY_TABLE) {
    if (roll < row.probability) return { reels: row.reels, multiplier: row.multiplier };
    roll -= row.probability;
  }
  return { reels: ["🍋", "BAR", "7"], multiplier: 0 };
}
