import { describe, expect, it } from "vitest";
import { flattenJson } from "./flatten-json.ts";

describe("flattenJson", () => {
  it("names keys and string values by dotted paths under body, an object's keys before its contents", () => {
    const { keys, values } = flattenJson(
      { player: { name: "Ann", tags: ["vip", 7, { note: "hi" }] }, amount: "10", ok: true },
      1000,
    );
    expect(keys.map((k) => [k.name, k.value])).toEqual([
      ["body.player", "player"],
      ["body.amount", "amount"],
      ["body.ok", "ok"],
      ["body.player.name", "name"],
      ["body.player.tags", "tags"],
      ["body.player.tags[2].note", "note"],
    ]);
    expect(values.map((v) => [v.kind, v.name, v.value])).toEqual([
      ["body-value", "body.player.name", "Ann"],
      ["body-value", "body.player.tags[0]", "vip"],
      ["body-value", "body.player.tags[2].note", "hi"],
      ["body-value", "body.amount", "10"],
    ]);
  });

  it("names top-level arrays and strings too", () => {
    expect(flattenJson(["a", ["b"]], 1000).values.map((v) => v.name)).toEqual(["body.[0]", "body.[1][0]"]);
    expect(flattenJson("x", 1000).values).toEqual([{ kind: "body-value", name: "body.", value: "x" }]);
  });

  it("stops at the field limit and below the depth limit", () => {
    const wide = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, `v${i}`]));
    const { keys, values } = flattenJson({ a: "1", b: wide }, 10);
    // An object's keys are taken together; nothing more is visited once the limit is reached.
    expect(keys.length).toBe(2 + 50);
    expect(values.map((v) => v.value)).toEqual(["1"]);
    let deep: unknown = "bottom";
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(flattenJson(deep, 1000).values).toEqual([]);
  });
});
