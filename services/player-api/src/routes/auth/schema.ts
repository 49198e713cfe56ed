import { z } from "@hono/zod-openapi";
import { CurrencySchema, PlayerIdSchema } from "../common.ts";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: "expected a calendar date YYYY-MM-DD",
    },
  )
  .refine((v) => v >= "1900-01-01", { message: "expected a date after 1900-01-01" });

export const PasswordSchema = z
  .string()
  .min(10)
  .max(128)
  .openapi({ example: "correct horse battery staple" });
const EmailSchema = z.email().max(254).openapi({ example: "player@example.com" });

export const RegisterBody = z
  .strictObject({
    email: EmailSchema,
    password: PasswordSchema,
    dateOfBirth: isoDate.openapi({ example: "1990-04-01" }),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .openapi({ description: "ISO 3166-1 alpha-2 country of residence.", example: "MT" }),
    subdivision: z
      .string()
      .regex(/^[A-Z0-9]{1,3}$/)
      .optional()
      .openapi({ description: "ISO 3166-2 subdivision, e.g. ON." }),
    currency: CurrencySchema.optional(),
  })
  .openapi("RegisterRequest");

export const RegisteredPlayer = z
  .object({
    playerId: PlayerIdSchema,
    jurisdiction: z.string(),
    region: z.string(),
    currency: CurrencySchema,
    status: z.literal("active"),
  })
  .openapi("RegisteredPlayer");

export const LoginBody = z
  .strictObject({ email: EmailSchema, password: z.string().min(1).max(128) })
  .openapi("LoginRequest");

const RefreshTokenSchema = z
  .string()
  .regex(/^prt_[A-Za-z0-9_-]{43}$/)
  .openapi({ example: "prt_…" });

export const RefreshBody = z.strictObject({ refreshToken: RefreshTokenSchema }).openapi("RefreshRequest");

export const LogoutBody = z
  .strictObject({
    refreshToken: RefreshTokenSchema.optional(),
    allSessions: z
      .boolean()
      .optional()
      .openapi({ description: "End every session of the player, not only this one." }),
  })
  .openapi("LogoutRequest");

export const PasswordBody = z
  .strictObject({ currentPassword: z.string().min(1).max(128), newPassword: PasswordSchema })
  .openapi("PasswordChangeRequest");

export const TokenPairSchema = z
  .object({
    playerId: PlayerIdSchema,
    sessionId: z.string(),
    tokenType: z.literal("Bearer"),
    accessToken: z.string().openapi({ description: "ES256 JWT, at most 15 minutes." }),
    expiresIn: z.number().int().openapi({ description: "Seconds until the access token expires." }),
    refreshToken: z.string().openapi({ description: "Single use; each refresh returns a new one." }),
    refreshExpiresAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("TokenPair");
