import { describe, expect, it } from "vitest";
import { readHeaders } from "./read-headers.ts";

describe("readHeaders", () => {
  it("reads every header once, lower-cased, as Headers.get returns it", () => {
    const headers = new Headers([
      ["Accept", "application/json"],
      ["X-Client", "app"],
      ["x-client", "web"],
    ]);
    const read = readHeaders(headers);
    expect(read.get("accept")).toBe("application/json");
    expect(read.get("x-client")).toBe(headers.get("x-client"));
    expect([...read.keys()]).toEqual([...headers.keys()]);
  });
});
