import type { Logger } from "@croupier/core/log";
import type { BridgeStore } from "./store-port.ts";
import type { CallContext, WalletPort } from "./wallet-port.ts";

/** Everything a domain verb may use; built once per app, plus the caller's correlation ids. */
export interface DomainContext {
  store: BridgeStore;
  wallet: WalletPort;
  clock: () => Date;
  log: Logger;
  call?: CallContext;
}
