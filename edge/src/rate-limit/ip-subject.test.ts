import { describe, expect, it } from "vitest";
import { ipSubject } from "./ip-subject.ts";

describe("ipSubject", () => {
  it("keeps IPv4 addresses whole", () => {
    expect(ipSubject("203.0.113.7")).toBe("203.0.113.7");
  });

  it("groups IPv6 addresses by /64, whatever their spelling", () => {
    const subject = "2001:db8:85a3:42::/64";
    expect(ipSubject("2001:db8:85a3:42::1")).toBe(subject);
    expect(ipSubject("2001:0DB8:85A3:0042:ffff:0:0:7")).toBe(subject);
    expect(ipSubject("2001:db8:85a3:42:1:2:3:4")).toBe(subject);
    expect(ipSubject("2001:db8:85a3:43::1")).not.toBe(subject);
    expect(ipSubject("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipSubject("::1")).toBe("0:0:0:0::/64");
  });

  it("names a missing address", () => {
    expect(ipSubject(null)).toBe("unknown");
  });
});
