import type { MiddlewareHandler } from "hono";
import { busy } from "../crypto/password-queue.ts";

/**
 * Admission for the requests that hash or check a password (registration, sign-in, password change):
 * at most `maxInFlight` of them are in progress in this process at once; one more is answered 503
 * `busy` before its body is read. Password work is the process's bottleneck (ADR 0606); without this,
 * every request of a flood would get as far as the password queue, each step of the way waiting
 * behind the hash in progress, and callers would time out instead of being told to retry.
 */
export function signInGate(maxInFlight: number): MiddlewareHandler {
  let inFlight = 0;
  return async (_c, next) => {
    if (inFlight >= maxInFlight) throw busy();
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
}
