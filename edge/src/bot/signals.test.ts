import { describe, expect, it } from "vitest";
import { screenForBots } from "./signals.ts";

const screen = (
  headers: Record<string, string>,
  cf?: IncomingRequestCfProperties,
  routeClass = "read" as const,
  scriptedClients: "refuse" | "allow" = "refuse",
) => screenForBots({ headers: new Headers(headers), cf, routeClass, minimumScore: 30, scriptedClients });

describe("screenForBots", () => {
  it("lets browsers and the mobile apps through", () => {
    expect(
      screen({ "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15" }),
    ).toEqual({
      blocked: false,
    });
    expect(screen({ "user-agent": "Croupier/3.2.0 (Android 15; Pixel 9) okhttp/4.12.0" })).toEqual({
      blocked: false,
    });
  });

  it("names the signal it refused on", () => {
    expect(screen({ "user-agent": "sqlmap/1.8#stable" })).toEqual({
      blocked: true,
      signal: "automation-user-agent",
    });
    expect(screen({ "user-agent": "Go-http-client/1.1" })).toEqual({
      blocked: true,
      signal: "scripted-client-user-agent",
    });
    expect(screen({})).toEqual({ blocked: true, signal: "missing-user-agent" });
    expect(screen({ "user-agent": "Mozilla/5.0", "sec-ch-ua": '"HeadlessChrome";v="140"' })).toEqual({
      blocked: true,
      signal: "headless-client-hint",
    });
    expect(screen({ "user-agent": "Mozilla/5.0" }, { botManagement: { score: 29 } })).toEqual({
      blocked: true,
      signal: "bot-score",
    });
    expect(screen({ "user-agent": "Mozilla/5.0" }, { botManagement: { score: 30 } })).toEqual({
      blocked: false,
    });
  });

  it("lets scripts through in local development, but never scanners or automated browsers", () => {
    const local = (headers: Record<string, string>) => screen(headers, undefined, "read", "allow");
    expect(local({ "user-agent": "python-requests/2.32.3" })).toEqual({ blocked: false });
    expect(local({})).toEqual({ blocked: false });
    expect(local({ "user-agent": "Mozilla/5.0 HeadlessChrome/140.0" })).toEqual({
      blocked: true,
      signal: "automation-user-agent",
    });
    expect(local({ "user-agent": "Mozilla/5.0", "x-scanner": "1" })).toEqual({
      blocked: true,
      signal: "scanner-header",
    });
  });
});
