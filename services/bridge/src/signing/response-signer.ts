// The operator's own key: every response to a provider is signed with it, so the provider can
// tell our answers from anyone else's. Providers fetch the public half from the adapter.
import { importPrivateKeyPem, publicKeyPemOf, signBody } from "./rsa.ts";

export interface ResponseSigner {
  sign(body: string): Promise<string>;
  publicKeyPem: string;
}

export async function createResponseSigner(privateKeyPem: string): Promise<ResponseSigner> {
  const key = await importPrivateKeyPem(privateKeyPem);
  const publicKeyPem = await publicKeyPemOf(privateKeyPem);
  return { sign: (body) => signBody(key, body), publicKeyPem };
}
