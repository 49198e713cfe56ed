export type TurnstileOutcome = { success: true } | { success: false; errorCodes: string[] };

/** Checks a Turnstile token for the expected widget action. */
export type TurnstileVerifier = (input: {
  token: string;
  remoteIp: string | null;
  expectedAction: string;
  idempotencyKey: string;
}) => Promise<TurnstileOutcome>;

const SITEVERIFY_URL = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

/**
 * Turnstile's siteverify. Tokens are single-use and valid for 5 minutes; the idempotency key (the
 * request id) lets a retried verification of the same request succeed. A Turnstile outage fails
 * closed: registration, login and the cashier are exactly what bots want.
 */
export function siteverify(options: {
  secret: string;
  fetch: typeof fetch;
  timeoutMs?: number;
}): TurnstileVerifier {
  return async ({ token, remoteIp, expectedAction, idempotencyKey }) => {
    const body = new FormData();
    body.set("secret", options.secret);
    body.set("response", token);
    body.set("idempotency_key", idempotencyKey);
    if (remoteIp) body.set("remoteip", remoteIp);
    let result: { success?: boolean; action?: string; "error-codes"?: string[] };
    try {
      const response = await options.fetch(SITEVERIFY_URL, {
        method: "POST",
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
      });
      if (!response.ok) return { success: false, errorCodes: [`siteverify-status-${response.status}`] };
      result = await response.json();
    } catch {
      return { success: false, errorCodes: ["siteverify-unreachable"] };
    }
    if (result.success !== true) return { success: false, errorCodes: result["error-codes"] ?? ["rejected"] };
    if (result.action && result.action !== expectedAction)
      return { success: false, errorCodes: ["action-mismatch"] };
    return { success: true };
  };
}
