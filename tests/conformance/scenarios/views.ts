import { assert, call, expectStatus, type Scenario, sleep, uuid } from "./scenario.ts";

export const viewScenarios: Scenario[] = [
  {
    name: "balance: RS_OK with the ledger balance of the session's currency",
    async run(t) {
      const p = await t.platform.player({ balance: 1_234_567n });
      const r = await call(t, "balance", p);
      expectStatus(t, r, "ok");
      assert.equal(r.balance, 1_234_567n);
    },
  },
  {
    name: "balance: an unknown token is refused as invalid",
    async run(t) {
      const p = await t.platform.player();
      expectStatus(t, await call(t, "balance", p, { token: uuid() }), "invalid_token");
    },
  },
  {
    name: "balance: an expired token is refused as expired",
    async run(t) {
      const p = await t.platform.player({ ttlSeconds: 1 });
      await sleep(1_200);
      expectStatus(t, await call(t, "balance", p), "token_expired");
    },
  },
  {
    name: "balance: another player's token is refused",
    async run(t) {
      const [p, q] = await Promise.all([t.platform.player(), t.platform.player()]);
      expectStatus(t, await call(t, "balance", p, { token: q.token }), "invalid_token");
    },
  },
  {
    name: "balance: echoes the request id",
    async run(t) {
      const p = await t.platform.player();
      const request = uuid();
      const r = await call(t, "balance", p, { request });
      expectStatus(t, r, "ok");
      assert.ok(JSON.stringify(r.body).includes(request));
    },
  },
  {
    name: "balance: answers are signed with the operator key, refusals too",
    async run(t) {
      const p = await t.platform.player();
      const ok = await call(t, "balance", p);
      const refused = await call(t, "balance", p, { token: uuid() });
      assert.notEqual(ok.signed, false);
      assert.notEqual(refused.signed, false);
    },
  },
];
