import pino, { type Logger } from "pino";

export type { Logger };

/** Structured JSON logs; credentials and personal data are redacted before they are written. */
export function createLogger(options: { service: string; level?: string; region?: string }): Logger {
  return pino({
    level: options.level ?? "info",
    base: { service: options.service, region: options.region },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        "password",
        "*.password",
        "newPassword",
        "*.newPassword",
        "token",
        "*.token",
        "refreshToken",
        "*.refreshToken",
        "headers.authorization",
        "headers.cookie",
        "*.headers.authorization",
        "*.headers.cookie",
        "email",
        "*.email",
      ],
      censor: "[redacted]",
    },
  });
}
