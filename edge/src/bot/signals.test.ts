import { describe, expect, it } from "vitest";
import { screenForBots } from "./signals.ts";

const screen = (
  headers: Record<string, string>,
  cf?: IncomingRequestCfProperties,
  routeClass = "read" as const,
) => screenForBots({ headers: new Headers(headers), cf, routeClass, minimumScore: 30 });

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
    expect(screen({ "user-agent": "Go-http-client/1.1" })).toEqual({
      blocked: true,
      signal: "automation-user-agent",
    });
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
});
