// What every seamless-wallet protocol shares: each endpoint mounted with and without a provider
// id, the checks before the protocol's own logic (body size, partner, signature, JSON; ADR 0502
// fixes their order), and answers that are always HTTP 200, signed over the exact bytes sent.
// A protocol supplies only how it words a refusal and how it serves a well-formed request.
import type { ServiceEnv } from "@croupier/core/http/context";
import type { Context } from "hono";
import { Hono } from "hono";
import type { Outcome } from "../domain/outcomes.ts";
import type { ProviderRecord } from "../domain/store-port.ts";
import type { AdapterDeps } from "./adapter-deps.ts";
import { parseJsonObject, readRawBody } from "./read-body.ts";
import { SerialisedAnswer } from "./serialised-answer.ts";

export type RequestBody = Record<string, unknown>;

/** A protocol's answer: the canonical status (for the metrics) and the body to send. */
export interface WalletAnswer {
  status: string;
  /** An object to serialise, or a transaction's answer already serialised. */
  body: unknown;
}

export interface WalletProtocol<E extends string> {
  adapter: string;
  signatureHeader: string;
  endpoints: readonly E[];
  /** The body of a refusal, echoing what can be echoed of a request that was not processed. */
  refusal: (status: Outcome["status"], raw: RequestBody | undefined) => unknown;
  /**
   * Serves a signed, well-formed JSON request of a known provider; `refuse` words a refusal of
   * this request in the protocol's terms.
   */
  serve: (
    c: Context<ServiceEnv>,
    endpoint: E,
    provider: ProviderRecord,
    body: RequestBody,
    refuse: (status: Outcome["status"]) => WalletAnswer,
  ) => Promise<WalletAnswer>;
}

export function signedWalletRoutes<E extends string>(deps: AdapterDeps, protocol: WalletProtocol<E>) {
  const app = new Hono<ServiceEnv>();

  const respond = async (c: Context<ServiceEnv>, endpoint: E, answer: WalletAnswer) => {
    deps.observe?.(protocol.adapter, endpoint, answer.status);
    const text = answer.body instanceof SerialisedAnswer ? answer.body.text : JSON.stringify(answer.body);
    return c.body(text, 200, {
      "content-type": "application/json",
      [protocol.signatureHeader]: await deps.signer.sign(text),
    });
  };
  const refusal = (status: Outcome["status"], raw?: RequestBody): WalletAnswer => ({
    status,
    body: protocol.refusal(status, raw),
  });
  const refuse = (c: Context<ServiceEnv>, endpoint: E, status: Outcome["status"], raw?: RequestBody) =>
    respond(c, endpoint, refusal(status, raw));

  const handle = async (c: Context<ServiceEnv>, endpoint: E, providerId: string | undefined) => {
    const raw = await readRawBody(c.req.raw, deps.maxBodyBytes);
    if (!raw.ok) return refuse(c, endpoint, "wrong_syntax");
    const loose = parseJsonObject(raw.text);
    const provider = await deps.auth.resolve(protocol.adapter, providerId);
    if (!provider) return refuse(c, endpoint, "invalid_partner", loose);
    if (!(await deps.auth.verify(provider, raw.bytes, c.req.header(protocol.signatureHeader)))) {
      return refuse(c, endpoint, "invalid_signature", loose);
    }
    if (!loose) return refuse(c, endpoint, "wrong_syntax");
    try {
      const answer = await protocol.serve(c, endpoint, provider, loose, (status) => refusal(status, loose));
      return respond(c, endpoint, answer);
    } catch (error) {
      c.get("log").error({ err: error, providerId: provider.id, endpoint }, "provider call failed");
      return refuse(c, endpoint, "unknown", loose);
    }
  };

  for (const endpoint of protocol.endpoints) {
    app.post(`/${endpoint}`, (c) => handle(c, endpoint, undefined));
    app.post(`/:providerId/${endpoint}`, (c) => handle(c, endpoint, c.req.param("providerId")));
  }
  app.get("/public-key", (c) =>
    c.body(deps.signer.publicKeyPem, 200, { "content-type": "application/x-pem-file" }),
  );
  return app;
}

/** The canonical status of a validation failure: a missing field or a field of the wrong type. */
export function invalidRequestStatus(problem: "missing" | "types"): Outcome["status"] {
  return problem === "missing" ? "wrong_syntax" : "wrong_types";
}
