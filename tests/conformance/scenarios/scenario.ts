import assert from "node:assert/strict";
import type { CallResult, Driver, Expected, Kind, TxArgs } from "../drivers/driver.ts";
import type { Platform, Player } from "../platform.ts";

export interface ScenarioContext {
  platform: Platform;
  driver: Driver;
}

export interface Scenario {
  name: string;
  /** Adapters the scenario applies to; all when absent. */
  adapters?: string[];
  run(t: ScenarioContext): Promise<void>;
}

export const uuid = () => crypto.randomUUID();

export function call(t: ScenarioContext, kind: Kind, player: Player, args: TxArgs = {}): Promise<CallResult> {
  return t.driver.send(kind, t.driver.body(kind, player, args));
}

/** Asserts the protocol status (and that the answer is HTTP 200 and, when checked, signed). */
export function expectStatus(t: ScenarioContext, result: CallResult, expected: Expected) {
  assert.equal(
    result.status,
    t.driver.statusFor(expected),
    `expected ${expected}; got ${result.text.slice(0, 300)}`,
  );
  assert.equal(result.http, 200, "protocol answers are HTTP 200");
  if (result.signed !== undefined)
    assert.equal(result.signed, true, "every answer is signed with the operator key");
}

export async function expectBalance(t: ScenarioContext, player: Player, expected: bigint) {
  assert.equal(await t.platform.balance(player), expected, "ledger balance");
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export { assert };
