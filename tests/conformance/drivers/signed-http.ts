import { importSigningKey, importVerifyKey, sign, verify } from "@croupier/provider-simulator/signing";
import type { SignatureMode } from "./driver.ts";

/** Sends raw bodies with the chosen kind of signature and checks the answer's signature. */
export async function createSignedHttp(options: {
  privateKeyPem: string;
  foreignPrivateKeyPem: string;
  operatorPublicKeyPem?: string;
  header: string;
}) {
  const own = await importSigningKey(options.privateKeyPem);
  const foreign = await importSigningKey(options.foreignPrivateKeyPem);
  const operator = options.operatorPublicKeyPem
    ? await importVerifyKey(options.operatorPublicKeyPem)
    : undefined;
  return async (
    url: string,
    text: string,
    mode: SignatureMode = "valid",
    contentType = "application/json",
    signOver?: string,
  ) => {
    const headers: Record<string, string> = { "content-type": contentType };
    if (mode === "valid") headers[options.header] = await sign(own, signOver ?? text);
    if (mode === "foreign") headers[options.header] = await sign(foreign, text);
    if (mode === "garbage") headers[options.header] = "bm90IGEgc2lnbmF0dXJl";
    const response = await fetch(url, { method: "POST", headers, body: text });
    const answer = await response.text();
    const signed = operator
      ? await verify(operator, answer, response.headers.get(options.header))
      : undefined;
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(answer) as Record<string, unknown>;
    } catch {
      body = {};
    }
    return { http: response.status, text: answer, body, signed };
  };
}
