import { describe, expect, it } from "vitest";
import { detectHtmlInjection, detectScriptContext } from "./detect.ts";
import { scanTags } from "./scan-tags.ts";

describe("scanTags", () => {
  it("reads tag names and attributes the way a browser tokenizer does", () => {
    expect(scanTags('<img/src=x onerror="alert(1)">')).toEqual([
      {
        name: "img",
        attributes: [
          { name: "src", value: "x" },
          { name: "onerror", value: "alert(1)" },
        ],
      },
    ]);
    expect(scanTags("a < b and 3<4")).toEqual([]);
  });
});

describe("XSS detection", () => {
  it.each([
    "<script>alert(1)</script>",
    "<svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//evil>",
  ])("flags markup %s", (payload) => {
    expect(detectHtmlInjection(payload.toLowerCase())).not.toBeNull();
  });

  it.each([
    '" onmouseover="alert(1)',
    "javascript:alert(document.cookie)",
    "';alert(1)//",
    "{{constructor.constructor('alert(1)')()}}",
  ])("flags script context %s", (payload) => {
    expect(detectScriptContext(payload.toLowerCase())).not.toBeNull();
  });

  it.each([
    "I <3 this casino",
    "<b>bold</b> move",
    "set an alert(s) for me",
    "I love javascript: it is great",
    "a < b > c",
  ])("leaves %s alone", (text) => {
    const lower = text.toLowerCase();
    expect(detectHtmlInjection(lower) ?? detectScriptContext(lower)).toBeNull();
  });
});
