import { describe, expect, it } from "vitest";
import { SLOT_RTP, spin } from "./slot-game.ts";

describe("slot game", () => {
  it("pays whole multiples of the stake with a 96 % return to player", () => {
    expect(SLOT_RTP).toBeCloseTo(0.96, 10);
    expect(spin(() => 0).multiplier).toBe(100);
    expect(spin(() => 0.999).multiplier).toBe(0);
  });
});
