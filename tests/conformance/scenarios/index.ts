import { badInputScenarios } from "./bad-input.ts";
import { betScenarios } from "./bets.ts";
import { idempotencyScenarios } from "./idempotency.ts";
import { rollbackScenarios } from "./rollbacks.ts";
import type { Scenario } from "./scenario.ts";
import { stakeLimitScenarios } from "./stake-limits.ts";
import { viewScenarios } from "./views.ts";
import { winScenarios } from "./wins.ts";

export const scenarios: Scenario[] = [
  ...viewScenarios,
  ...betScenarios,
  ...stakeLimitScenarios,
  ...idempotencyScenarios,
  ...winScenarios,
  ...rollbackScenarios,
  ...badInputScenarios,
];

export function scenariosFor(adapter: string): Scenario[] {
  return scenarios.filter((s) => !s.adapters || s.adapters.includes(adapter));
}
