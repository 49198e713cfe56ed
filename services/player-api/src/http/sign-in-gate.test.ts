import { AppError } from "@croupier/core/problem";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { signInGate } from "./sign-in-gate.ts";

describe("signInGate", () => {
  it("admits at most the given number at once, refuses the next with 503 busy, and admits again after", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const app = new Hono();
    app.onError((error, c) =>
      error instanceof AppError
        ? c.json({ code: error.code }, error.status, error.headers)
        : c.json({ code: "internal" }, 500),
    );
    app.use("/v1/auth/login", signInGate(2));
    app.post("/v1/auth/login", async (c) => {
      await held;
      return c.json({ ok: true });
    });
    const login = () => app.request("/v1/auth/login", { method: "POST" });
    const first = login();
    const second = login();
    const third = await login();
    expect(third.status).toBe(503);
    expect(third.headers.get("retry-after")).toBe("2");
    expect(await third.json()).toEqual({ code: "busy" });
    release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect((await login()).status).toBe(200);
  });
});
