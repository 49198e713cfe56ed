// A Hub88-style provider's wallet client: signed calls to the operator's /user and
// /transaction endpoints, with the response signature checked when the operator key is known.
import { importSigningKey, importVerifyKey, sign, verify } from "./signing.ts";

export interface Hub88Response {
  status: string;
  request_uuid?: string;
  user?: string;
  currency?: string;
  balance?: number;
  [field: string]: unknown;
}

export interface Hub88ClientOptions {
  /** e.g. http://127.0.0.1:8083/providers/hub88 or …/providers/hub88/<providerId> */
  baseUrl: string;
  privateKeyPem: string;
  /** When set, every response must carry a valid X-Hub88-Signature. */
  operatorPublicKeyPem?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class ResponseSignatureError extends Error {
  override name = "ResponseSignatureError";
}

export async function createHub88Client(options: Hub88ClientOptions) {
  const signingKey = await importSigningKey(options.privateKeyPem);
  const verifyKey = options.operatorPublicKeyPem
    ? await importVerifyKey(options.operatorPublicKeyPem)
    : undefined;
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/$/, "");

  /** Sends a raw body exactly as given (tests use this for malformed input). */
  async function sendRaw(path: string, body: string, headers: Record<string, string> = {}) {
    const response = await doFetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    const signature = response.headers.get("x-hub88-signature");
    const signatureValid = verifyKey ? await verify(verifyKey, text, signature) : undefined;
    return { httpStatus: response.status, text, signature, signatureValid };
  }

  async function call(path: string, body: Record<string, unknown>): Promise<Hub88Response> {
    const text = JSON.stringify(body);
    const result = await sendRaw(path, text, { "X-Hub88-Signature": await sign(signingKey, text) });
    if (verifyKey && !result.signatureValid)
      throw new ResponseSignatureError(`unsigned or badly signed answer from ${path}`);
    return JSON.parse(result.text) as Hub88Response;
  }

  return {
    sendRaw,
    signBody: (body: string) => sign(signingKey, body),
    call,
    userInfo: (body: { user: string; request_uuid: string }) => call("/user/info", body),
    balance: (body: { user: string; token: string; request_uuid: string; game_code?: string }) =>
      call("/user/balance", body),
    bet: (body: Record<string, unknown>) => call("/transaction/bet", body),
    win: (body: Record<string, unknown>) => call("/transaction/win", body),
    rollback: (body: Record<string, unknown>) => call("/transaction/rollback", body),
  };
}

export type Hub88Client = Awaited<ReturnType<typeof createHub88Client>>;
