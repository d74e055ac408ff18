import { AppError, type Engine, type Feature, SegmentError } from "@vafa/core";
import { FitError } from "@vafa/models";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AppContext } from "../src/AppContext.ts";
import { createApp } from "../src/createApp.ts";
import { HttpError } from "../src/http/HttpError.ts";
import { defineRoute } from "../src/http/Route.ts";
import { serverConfig } from "../src/ServerConfig.ts";

/**
 * Public routes never touch the state store, and the engine is asked only for its name and
 * features: the app needs no more of the context here.
 */
const app = {
  config: serverConfig({ webDir: "/nonexistent" }),
  engine: { name: "clickhouse", features: new Set<Feature>(["retention"]) } as Partial<Engine>,
} as unknown as AppContext;

/** A public route that throws `error`. */
function throwing(path: string, error: unknown, feature: Feature | null = null) {
  return defineRoute({
    method: "get",
    path,
    summary: "throws",
    tag: "test",
    access: "public",
    feature,
    returns: "nothing",
    handle: async () => {
      throw error;
    },
  });
}

// As DuckDB words a write-write conflict once its retries ran out.
const conflict = new Error("TransactionContext Error: Conflict on update");

/** What is thrown → the status and JSON problem a client gets. */
const cases: readonly [string, unknown, number, Record<string, unknown>][] = [
  [
    "bad input",
    new AppError("bad_input", "no such period"),
    400,
    { error: "no such period", kind: "bad_input" },
  ],
  [
    "not found",
    new AppError("not_found", "no customer x"),
    404,
    { error: "no customer x", kind: "not_found" },
  ],
  ["conflict", new AppError("conflict", "taken"), 409, { error: "taken", kind: "conflict" }],
  ["forbidden", new AppError("forbidden", "not yours"), 403, { error: "not yours", kind: "forbidden" }],
  [
    "not supported",
    new AppError("not_supported", "baskets are not available on ClickHouse yet"),
    501,
    { error: "baskets are not available on ClickHouse yet", kind: "not_supported" },
  ],
  [
    "internal",
    new AppError("internal", "disk full at /var/x"),
    500,
    { error: "internal error", kind: "internal" },
  ],
  [
    "details",
    new AppError("bad_input", "bad rows", { rows_rejected: 2 }),
    400,
    { error: "bad rows", kind: "bad_input", details: { rows_rejected: 2 } },
  ],
  [
    "a bad fit input is the caller's, with the reason",
    new FitError("bgnbd", "the likelihood is not finite at any starting point"),
    400,
    { error: "bgnbd: the likelihood is not finite at any starting point", kind: "bad_input" },
  ],
  [
    "a rule's position",
    new SegmentError("expected a value", 7),
    400,
    { error: "expected a value", kind: "bad_input", details: { position: 7 } },
  ],
  [
    "an HTTP status of its own",
    new HttpError(415, "send JSON"),
    415,
    { error: "send JSON", kind: "bad_input" },
  ],
  [
    "a write conflict",
    conflict,
    409,
    { error: "the data changed while this request ran; try again", kind: "conflict" },
  ],
  ["anything else", new TypeError("x is undefined"), 500, { error: "internal error", kind: "internal" }],
];

describe("errors answer one JSON problem with the status of their kind", () => {
  const routes = cases.map(([, error], i) => throwing(`/api/throw/${i}`, error));
  const hono = createApp(app, routes);

  it.each(cases.map((c, i) => [c[0], i, c[2], c[3]] as const))("%s", async (_name, i, status, body) => {
    const quiet = console.error;
    console.error = () => {};
    try {
      const res = await hono.request(`/api/throw/${i}`);
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual(body);
    } finally {
      console.error = quiet;
    }
  });

  it("a write conflict says when to try again", async () => {
    const res = await hono.request(`/api/throw/${cases.findIndex(([, e]) => e === conflict)}`);
    expect(res.headers.get("retry-after")).toBe("1");
  });

  it("invalid parameters are a 400 naming each one", async () => {
    const validated = createApp(app, [
      defineRoute({
        method: "get",
        path: "/api/limit",
        summary: "validates",
        tag: "test",
        access: "public",
        feature: null,
        query: z.object({ limit: z.coerce.number().int().min(1) }),
        returns: "{ limit }",
        handle: async ({ query }) => query,
      }),
    ]);
    const res = await validated.request("/api/limit?limit=0");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: "invalid request",
      kind: "bad_input",
      details: [{ path: "limit" }],
    });
  });
});

describe("a route whose feature the engine lacks is refused before it runs", () => {
  let ran = 0;
  const route = (path: string, feature: Feature) =>
    defineRoute({
      method: "get",
      path,
      summary: "counts",
      tag: "test",
      access: "public",
      feature,
      returns: "{ ok }",
      handle: async () => {
        ran += 1;
        return { ok: true };
      },
    });
  const hono = createApp(app, [route("/api/baskets", "baskets"), route("/api/retention", "retention")]);

  it.each([
    [
      "baskets",
      "/api/baskets",
      501,
      { error: "basket analysis is not available on ClickHouse yet", kind: "not_supported" },
      0,
    ],
    ["retention", "/api/retention", 200, { ok: true }, 1],
  ] as const)("%s", async (_name, path, status, body, runs) => {
    ran = 0;
    const res = await hono.request(path);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
    expect(ran).toBe(runs);
  });
});
