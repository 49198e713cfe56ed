import { describe, expect, it } from "vitest";
import { hasMalformedUtf8 } from "./malformed-utf8.ts";

describe("hasMalformedUtf8", () => {
  it.each([
    ["overlong slash", "/?file=..%c0%af..%c0%afetc"],
    ["lone overlong lead", "param=%c0"],
    ["three-byte overlong", "p=%e0%80%af"],
    ["surrogate", "p=%ed%a0%80"],
    ["beyond U+10FFFF", "p=%f4%90%80%80"],
    ["obsolete long form", "p=%f5%80%bf%bf"],
    ["sequence cut short", "p=%e2%a3"],
    ["sequence cut short by ASCII", "p=%f0%9f%98x"],
  ])("flags %s", (_name, raw) => {
    expect(hasMalformedUtf8(raw)).toBe(true);
  });

  it.each([
    ["plain ASCII", "q=hello&page=2"],
    ["valid UTF-8", "name=Fran%C3%A7ois&city=K%C3%B6ln&e=%F0%9F%98%80"],
    ["Latin-1 letter", "name=caf%E9&city=M%FCnchen"],
    ["Latin-1 in a name", "test%FD=test1"],
    ["Latin-1 y-umlaut in a path", "/%FFindex.html"],
    ["EBCDIC form post", "%89%95%97%A4%A3%F1=%A7%A7%A7%A7"],
    ["broken escape", "100%zz"],
  ])("leaves %s alone", (_name, raw) => {
    expect(hasMalformedUtf8(raw)).toBe(false);
  });
});
