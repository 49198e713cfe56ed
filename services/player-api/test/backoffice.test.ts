// The back-office API: staff tokens with roles, and an audit record for every action.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff } from "../src/domain/staff/staff-tokens.ts";
import {
  edgeClient,
  newPlayerInput,
  startLedger,
  startPlayerApi,
  type TestPlayerApi,
} from "./support/platform.ts";

let ledger: Awaited<ReturnType<typeof startLedger>>;
let api: TestPlayerApi;
let send: ReturnType<typeof edgeClient>;
const tokens: Record<string, string> = {};
const staffIds: Record<string, string> = {};

beforeAll(async () => {
  ledger = await startLedger();
  api = await startPlayerApi({ ledgerUrl: ledger.ledger.url });
  send = edgeClient(api.app);
  for (const role of ["support", "finance", "compliance", "admin"] as const) {
    const created = await createStaff(api.deps.database.sql, {
      email: `${role}@operator.test`,
      name: role,
      roles: [role],
    });
    tokens[role] = created.token;
    staffIds[role] = created.staffId;
  }
});

afterAll(async () => {
  await api?.stop();
  await ledger?.stop();
});

function staff(
  role: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return api.app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${tokens[role]}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function newPlayer() {
  const input = newPlayerInput();
  const registered = (await (await send("POST", "/v1/auth/register", { body: input })).json()) as {
    playerId: string;
  };
  return { input, playerId: registered.playerId };
}

describe("back-office", () => {
  it("refuses missing or unknown staff tokens with 401 and WWW-Authenticate", async () => {
    const none = await api.app.request("/backoffice/v1/players");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("croupier-backoffice");
    const bad = await api.app.request("/backoffice/v1/players", {
      headers: { authorization: "Bearer stk_nottherightoneatallxxxxxx" },
    });
    expect(bad.status).toBe(401);
  });

  it("finds and shows players to support staff, and audits each look", async () => {
    const { input, playerId } = await newPlayer();
    const found = await staff(
      "support",
      "GET",
      `/backoffice/v1/players?email=${encodeURIComponent(input.email)}`,
    );
    expect(found.status).toBe(200);
    expect(((await found.json()) as { items: { playerId: string }[] }).items.map((p) => p.playerId)).toEqual([
      playerId,
    ]);
    const one = await staff("support", "GET", `/backoffice/v1/players/${playerId}`);
    expect(await one.json()).toMatchObject({ playerId, status: "active", jurisdiction: "eu" });
    expect((await staff("support", "GET", `/backoffice/v1/players/${playerId}/balances`)).status).toBe(200);
    expect((await staff("support", "GET", `/backoffice/v1/players/${playerId}/transactions`)).status).toBe(
      200,
    );
    expect((await staff("support", "GET", `/backoffice/v1/players/${playerId}/limits`)).status).toBe(200);

    const audit = await staff("admin", "GET", `/backoffice/v1/audit?playerId=${playerId}`);
    const records = (
      (await audit.json()) as { items: { staffId: string; action: string; outcome: string }[] }
    ).items;
    expect(records.filter((r) => r.staffId === staffIds.support && r.outcome === "ok")).toHaveLength(4);
  });

  it("lets finance adjust a balance (idempotently) and refuses support, on the record", async () => {
    const { playerId } = await newPlayer();
    const body = { amount: "500000", currency: "EUR", bucket: "cash", reason: "goodwill credit" };
    const denied = await staff("support", "POST", `/backoffice/v1/players/${playerId}/adjustments`, body, {
      "idempotency-key": "adj-1",
    });
    expect(denied.status).toBe(403);
    const missingKey = await staff("finance", "POST", `/backoffice/v1/players/${playerId}/adjustments`, body);
    expect(missingKey.status).toBe(400);
    const done = await staff("finance", "POST", `/backoffice/v1/players/${playerId}/adjustments`, body, {
      "idempotency-key": "adj-1",
    });
    expect(done.status).toBe(201);
    const replay = await staff("finance", "POST", `/backoffice/v1/players/${playerId}/adjustments`, body, {
      "idempotency-key": "adj-1",
    });
    expect(replay.status).toBe(201);
    const balances = (await (
      await staff("support", "GET", `/backoffice/v1/players/${playerId}/balances`)
    ).json()) as {
      balances: { cash: string }[];
    };
    expect(balances.balances[0]?.cash).toBe("500000");

    const audit = (await (
      await staff("admin", "GET", `/backoffice/v1/audit?playerId=${playerId}`)
    ).json()) as {
      items: { staffId: string; outcome: string; details: Record<string, unknown> }[];
    };
    expect(audit.items.some((r) => r.staffId === staffIds.support && r.outcome === "denied")).toBe(true);
    expect(
      audit.items.some((r) => r.staffId === staffIds.finance && r.details.reason === "goodwill credit"),
    ).toBe(true);
  });

  it("lets compliance block (sessions end, login refused) and unblock a player", async () => {
    const { input, playerId } = await newPlayer();
    const login = (await (
      await send("POST", "/v1/auth/login", { body: { email: input.email, password: input.password } })
    ).json()) as {
      accessToken: string;
    };
    expect(
      (await staff("finance", "POST", `/backoffice/v1/players/${playerId}/block`, { reason: "fraud check" }))
        .status,
    ).toBe(403);
    const blocked = await staff("compliance", "POST", `/backoffice/v1/players/${playerId}/block`, {
      reason: "fraud check",
    });
    expect(blocked.status).toBe(200);
    expect(await blocked.json()).toMatchObject({ status: "blocked" });
    expect((await send("GET", "/v1/limits", { token: login.accessToken })).status).toBe(401);
    const refused = await send("POST", "/v1/auth/login", {
      body: { email: input.email, password: input.password },
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "account_blocked" });

    expect(
      (await staff("compliance", "POST", `/backoffice/v1/players/${playerId}/unblock`, { reason: "cleared" }))
        .status,
    ).toBe(200);
    expect(
      (await send("POST", "/v1/auth/login", { body: { email: input.email, password: input.password } }))
        .status,
    ).toBe(200);
  });

  it("closes an account for good", async () => {
    const { input, playerId } = await newPlayer();
    const closed = await staff("compliance", "POST", `/backoffice/v1/players/${playerId}/close`, {
      reason: "player asked",
    });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: "closed" });
    const login = await send("POST", "/v1/auth/login", {
      body: { email: input.email, password: input.password },
    });
    expect(login.status).toBe(403);
    expect(await login.json()).toMatchObject({ code: "account_closed" });
    const reopen = await staff("compliance", "POST", `/backoffice/v1/players/${playerId}/unblock`, {
      reason: "oops",
    });
    expect(reopen.status).toBe(403);
  });

  it("keeps the audit trail append-only and for admins only", async () => {
    expect((await staff("support", "GET", "/backoffice/v1/audit")).status).toBe(403);
    await expect(api.deps.database.sql`update audit_log set outcome = 'ok'`).rejects.toThrow(/append-only/);
    await expect(api.deps.database.sql`delete from audit_log`).rejects.toThrow(/append-only/);
  });
});
