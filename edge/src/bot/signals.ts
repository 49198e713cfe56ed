import type { RouteClass } from "../policy/routes.ts";

// Scanners, exploit kits, scrapers and browser-automation frameworks that announce themselves. Real
// players use a browser or the mobile apps; none of these has a reason to talk to a casino API.
const automationUserAgents =
  /sqlmap|nikto|nmap|masscan|zgrab|nuclei|acunetix|netsparker|wpscan|dirbuster|gobuster|feroxbuster|ffuf|wfuzz|burp|owasp|zap\/|arachni|w3af|whatweb|jaeles|headlesschrome|phantomjs|selenium|webdriver|puppeteer|playwright|slimerjs|scrapy|mechanize|nessus|openvas|qualys|censys|shodan/i;

// Generic HTTP client libraries with their default User-Agent: a script, not a player's app (the
// Android app's okhttp 3+ and iOS's CFNetwork carry the app's own name first). Refused when deployed;
// local development lets developers' scripts through (BOT_SCRIPTED_CLIENTS).
const scriptedClientUserAgents =
  /python-requests|python-urllib|aiohttp|httpx|go-http-client|libwww-perl|lwp::|java\/|apache-httpclient|okhttp\/2|winhttp/i;

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
  /** Whether generic HTTP libraries and requests without a User-Agent are refused (EdgeConfig). */
  scriptedClients: "refuse" | "allow";
}): BotVerdict {
  const userAgent = input.headers.get("user-agent")?.trim() ?? "";
  const refuseScripts = input.scriptedClients === "refuse";
  if (userAgent === "")
    return refuseScripts ? { blocked: true, signal: "missing-user-agent" } : { blocked: false };
  if (automationUserAgents.test(userAgent)) return { blocked: true, signal: "automation-user-agent" };
  if (refuseScripts && scriptedClientUserAgents.test(userAgent))
    return { blocked: true, signal: "scripted-client-user-agent" };
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
