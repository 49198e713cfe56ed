// The player-api's own problem codes, mapped once to HTTP (problem+json via AppError).
import { AppError } from "@croupier/core/problem";

const bearer = 'Bearer realm="croupier"';

export const errors = {
  invalidCredentials: () =>
    new AppError("invalid_credentials", 401, "Authentication failed", "The email or password is wrong.", {
      headers: { "www-authenticate": `${bearer}, error="invalid_grant"` },
    }),
  invalidRefreshToken: () =>
    new AppError("invalid_refresh_token", 401, "Authentication failed", "The refresh token is not valid.", {
      headers: { "www-authenticate": `${bearer}, error="invalid_grant"` },
    }),
  refreshTokenReused: () =>
    new AppError(
      "refresh_token_reused",
      401,
      "Authentication failed",
      "This refresh token was already used; every session of its family has been revoked. Sign in again.",
      { headers: { "www-authenticate": `${bearer}, error="invalid_grant"` } },
    ),
  unauthenticated: (detail = "A valid access token is required.") =>
    new AppError("unauthenticated", 401, "Authentication required", detail, {
      headers: { "www-authenticate": `${bearer}, error="invalid_token"` },
    }),
  sessionRevoked: () =>
    new AppError("session_revoked", 401, "Session revoked", "This session has ended. Sign in again.", {
      headers: { "www-authenticate": `${bearer}, error="invalid_token"` },
    }),
  staffUnauthenticated: () =>
    new AppError("unauthenticated", 401, "Authentication required", "A valid staff token is required.", {
      headers: { "www-authenticate": 'Bearer realm="croupier-backoffice", error="invalid_token"' },
    }),
  staffForbidden: (role: string) =>
    new AppError("forbidden", 403, "This action is not allowed", `This action needs the ${role} role.`),
  emailTaken: () =>
    new AppError(
      "email_taken",
      409,
      "The request conflicts with the current state",
      "An account with this email exists.",
    ),
  jurisdictionBlocked: (reason: string) =>
    new AppError(
      "jurisdiction_blocked",
      403,
      "Registration is not possible from this territory",
      `Players from this territory cannot register (${reason}).`,
    ),
  wrongHomeRegion: (region: string) =>
    new AppError(
      "wrong_home_region",
      421,
      "Misdirected request",
      `This player's home region is ${region}; this is a different region.`,
    ),
  underage: (minimumAge: number) =>
    new AppError(
      "underage",
      422,
      "The player is too young",
      `Players must be at least ${minimumAge} years old in this jurisdiction.`,
    ),
  currencyNotOffered: (currency: string) =>
    new AppError(
      "currency_not_offered",
      422,
      "The currency is not offered",
      `${currency} is not offered in this jurisdiction.`,
    ),
  accountBlocked: () =>
    new AppError(
      "account_blocked",
      403,
      "The account is blocked",
      "This account is blocked. Contact support.",
    ),
  accountClosed: () =>
    new AppError("account_closed", 403, "The account is closed", "This account is closed."),
  excluded: (kind: string, until: Date | null) =>
    new AppError(
      "self_excluded",
      403,
      "The account is excluded from play",
      kind === "cool_off" ? "The account is on a time-out." : "The account is self-excluded.",
      {
        extensions: { exclusion: { kind, until: until?.toISOString() ?? null } },
      },
    ),
  wrongPassword: () =>
    new AppError("wrong_password", 403, "This action is not allowed", "The current password is wrong."),
  weakPassword: (detail: string) => new AppError("weak_password", 422, "The password is too weak", detail),
  exclusionActive: () =>
    new AppError(
      "exclusion_active",
      409,
      "The request conflicts with the current state",
      "An exclusion at least as long is already in force.",
    ),
  playerNotFound: () => new AppError("player_not_found", 404, "Not found", "There is no such player."),
};
