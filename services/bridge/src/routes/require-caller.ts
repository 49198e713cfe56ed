import type { ServiceEnv } from "@croupier/core/http/context";
import { problems } from "@croupier/core/problem";
import { type ServiceCaller, serviceTokenVerifier } from "@croupier/core/service-auth";
import type { MiddlewareHandler } from "hono";

/** Only configured services may call the bridge's /v1 API, each with its role. */
export function requireCaller(callers: ServiceCaller[], roles: string[]): MiddlewareHandler<ServiceEnv> {
  const verify = serviceTokenVerifier({ audience: "bridge", callers });
  return async (c, next) => {
    const caller = await verify(c.req.header("authorization"));
    if (!roles.includes(caller.role))
      throw problems.forbidden(`The ${caller.role} role may not call this operation.`);
    await next();
  };
}
