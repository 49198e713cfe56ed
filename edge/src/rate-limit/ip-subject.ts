/**
 * The per-IP rate-limit subject. IPv4 addresses count one by one; IPv6 addresses count per /64, the
 * smallest block a subscriber normally gets, because anyone holding a /64 can rotate through 2^64
 * addresses and would otherwise never meet a per-IP limit.
 */
export function ipSubject(ip: string | null): string {
  if (!ip) return "unknown";
  const address = ip.trim().toLowerCase();
  if (!address.includes(":")) return address;
  const [head = "", tail] = address.split("::", 2);
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill("0"),
          ...tailGroups,
        ];
  const prefix = groups.slice(0, 4).map((group) => group.replace(/^0+(?=[0-9a-f])/, "") || "0");
  while (prefix.length < 4) prefix.push("0");
  return `${prefix.join(":")}::/64`;
}
