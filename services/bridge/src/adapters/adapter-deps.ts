import type { ServiceEnv } from "@croupier/core/http/context";
import type { Context } from "hono";
import type { DomainContext } from "../domain/context.ts";
import type { ResponseSigner } from "../signing/response-signer.ts";
import type { ProviderAuth } from "./provider-keys.ts";

/** What every protocol adapter is built from. */
export interface AdapterDeps {
  domain: (c: Context<ServiceEnv>) => DomainContext;
  auth: ProviderAuth;
  signer: ResponseSigner;
  maxBodyBytes: number;
  /** Counts provider calls by adapter, endpoint and canonical outcome. */
  observe?: (adapter: string, endpoint: string, status: string) => void;
}
