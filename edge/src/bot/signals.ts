import type { RouteClass } from "../policy/routes.ts";

// Scanners, exploit kits and automation frameworks that announce themselves. Real players use a
// browser or the mobile apps; none of these has a reason to talk to a casino API.
const automationUserAgents =
  /sqlmap|nikto|nmap|masscan|zgrab|nuclei|acunetix|netsparker|wpscan|dirbuster|gobuster|feroxbuster|ffuf|wfuzz|burp|owasp|zap\/|arachni|w3af|whatweb|jaeles|headlesschrome|phantomjs|selenium|webdriver|puppeteer|playwright|slimerjs|python-requests|python-urllib|aiohttp|httpx|go-http-client|libwww-perl|lwp::|scrapy|mechanize|java\/|apache-httpclient|okhttp\/2|winhttp|nessus|openvas|qualys|censys|shodan/i;

// Headers that scanners add (or that only automation sets).
const automationHeaders = ["acunetix-product", "x-wipp", "x-scanner", "x-scan-memo", "x-burp"];

export type BotVerdict = { blocked: false } | { blocked: true; signal: string };

/**
 * Cheap, local bot screening. `cf.botManagement` is present only where the zone has Bot Management;
 * when it is, low scores are refused, and verified bots (search engines, monitors) are refused on
 * everything but reads: no crawler has business logging in or moving money.
 */
export function screenForBots(input: {
  /** A `Headers`, or the request's headers already read into a map (lower-case names). */
  headers: { get(name: string): string | null | undefined; has(name: string): boolean };
  cf: IncomingRequestCfProperties | undefined;
  routeClass: RouteClass;
  minimumScore: number;
}): BotVerdict {
  const userAgent = input.headers.get("user-agent");
  if (!userAgent || userAgent.trim().length === 0) return { blocked: true, signal: "missing-user-agent" };
  if (automationUserAgents.test(userAgent)) return { blocked: true, signal: "automation-user-agent" };
  const secChUa = input.headers.get("sec-ch-ua");
  if (secChUa && /headless/i.test(secChUa)) return { blocked: true, signal: "headless-client-hint" };
  for (const name of automationHeaders) {
    if (input.headers.has(name)) return { blocked: true, signal: "scanner-header" };
  }

  const bot = input.cf?.botManagement;
  if (bot) {
    if (bot.verifiedBot) {
      if (input.routeClass !== "read") return { blocked: true, signal: "verified-bot-on-protected-route" };
    } else if (typeof bot.score === "number" && bot.score < input.minimumScore) {
      return { blocked: true, signal: "bot-score" };
    }
  }
  return { blocked: false };
}
