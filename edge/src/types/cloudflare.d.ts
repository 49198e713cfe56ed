// The few Workers runtime types the edge uses. Kept by hand so the repository-wide typecheck (DOM lib,
// Node types) does not have to swallow the full workers runtime declarations.

interface IncomingRequestCfProperties {
  country?: string;
  regionCode?: string;
  colo?: string;
  asn?: number;
  botManagement?: {
    score?: number;
    verifiedBot?: boolean;
    staticResource?: boolean;
    corporateProxy?: boolean;
  };
  verifiedBotCategory?: string;
  [key: string]: unknown;
}

interface Request {
  readonly cf?: IncomingRequestCfProperties;
}

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  readonly props: unknown;
}

interface DurableObjectId {
  toString(): string;
}

interface DurableObjectStorage {
  get<T = unknown>(key: string): Promise<T | undefined>;
  put<T>(key: string, value: T): Promise<void>;
  deleteAll(): Promise<void>;
  setAlarm(scheduledTime: number | Date): Promise<void>;
  getAlarm(): Promise<number | null>;
}

interface DurableObjectState {
  readonly id: DurableObjectId;
  readonly storage: DurableObjectStorage;
  blockConcurrencyWhile<T>(callback: () => Promise<T>): Promise<T>;
}

type DurableObjectStub<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

interface DurableObjectNamespace<T = unknown> {
  idFromName(name: string): DurableObjectId;
  get(id: DurableObjectId): DurableObjectStub<T>;
}

declare module "cloudflare:workers" {
  export abstract class DurableObject<Env = unknown> {
    protected ctx: DurableObjectState;
    protected env: Env;
    constructor(ctx: DurableObjectState, env: Env);
  }
  export const env: Record<string, unknown>;
  export const exports: {
    default: { fetch(request: Request | string, init?: RequestInit): Promise<Response> };
  };
}

declare module "cloudflare:test" {
  export function runDurableObjectAlarm(stub: unknown): Promise<boolean>;
  export function abortAllDurableObjects(): Promise<void>;
  export function runInDurableObject<R>(
    stub: unknown,
    callback: (instance: unknown, state: DurableObjectState) => R | Promise<R>,
  ): Promise<R>;
}

declare module "*?raw" {
  const text: string;
  export default text;
}
