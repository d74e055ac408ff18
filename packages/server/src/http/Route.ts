import type { Feature } from "@vafa/core";
import type { Context } from "hono";
import type { z } from "zod";
import type { AppContext } from "../AppContext.ts";
import type { Principal } from "../auth/Principal.ts";
import type { Permission } from "../auth/permissions.ts";

/** HTTP methods the API uses. */
export type Method = "get" | "post" | "put" | "patch" | "delete";

/** What a handler receives: validated inputs, the caller, the server's parts and the raw context. */
export interface RouteInput<Q, B, P> {
  readonly query: Q;
  readonly body: B;
  readonly params: P;
  /** The caller; null only on `public` routes. */
  readonly principal: Principal | null;
  readonly app: AppContext;
  readonly c: Context;
}

/**
 * One API route as data: method, path, who may call it, the zod schemas of its inputs, and the
 * handler. The same definition registers the route and documents it in `/openapi.json`.
 */
export interface RouteDef<Q, B, P> {
  readonly method: Method;
  /** Hono-style path, e.g. "/api/alerts/:id/take". */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** `public`: no sign-in needed; otherwise the permission the caller's role must hold. */
  readonly access: "public" | Permission;
  /**
   * The use case the route runs, refused (501) where the engine lacks it; null for routes of the
   * server's own state (auth, users, settings, jobs) that every engine serves.
   */
  readonly feature: Feature | null;
  /**
   * `"branch"`: the handler confines an agent to their branch (reports computed on the branch's
   * customers, lists of its customers). A GET route with a feature and no scope serves figures over
   * every branch, and agents are refused it (403) before its handler runs: deny by default.
   */
  readonly scope?: "branch";
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  readonly params?: z.ZodType<P>;
  /** The body is a raw upload of these content types, not JSON. */
  readonly rawBody?: readonly string[];
  /** What a success answers, for the document. */
  readonly returns: string;
  /** Returns a JSON-able value (answered with 200) or a ready `Response`. */
  handle(input: RouteInput<Q, B, P>): Promise<unknown>;
}

/** Raw inputs before validation. */
export interface RawInput {
  readonly query: unknown;
  readonly body: unknown;
  readonly params: unknown;
  readonly principal: Principal | null;
  readonly app: AppContext;
  readonly c: Context;
}

/** A route with its input types erased, as the app and the document generator hold them. */
export interface Route {
  readonly method: Method;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: "public" | Permission;
  readonly feature: Feature | null;
  readonly scope?: "branch";
  readonly schemas: { readonly query?: z.ZodType; readonly body?: z.ZodType; readonly params?: z.ZodType };
  readonly rawBody?: readonly string[];
  readonly returns: string;
  /** Validates the raw inputs (throwing a ZodError) and runs the handler. */
  invoke(raw: RawInput): Promise<unknown>;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown): T {
  // Without a schema the handler's type for that input is `undefined` (the default type argument).
  return schema === undefined ? (undefined as T) : schema.parse(value);
}

/**
 * Defines a route; inputs are validated with its schemas before the handler runs (a failure answers
 * 400 with the zod issues as `details`).
 *
 * @example
 * defineRoute({
 *   method: "get", path: "/api/lifecycle", summary: "Lifecycle per period", tag: "reports", access: "read",
 *   feature: "lifecycle",
 *   query: z.object({ period: z.string().optional() }), returns: "{ rows }",
 *   handle: async ({ query }) => ({ rows: [] }),
 * });
 */
export function defineRoute<Q = undefined, B = undefined, P = undefined>(def: RouteDef<Q, B, P>): Route {
  return {
    method: def.method,
    path: def.path,
    summary: def.summary,
    tag: def.tag,
    access: def.access,
    feature: def.feature,
    ...(def.scope !== undefined ? { scope: def.scope } : {}),
    schemas: {
      ...(def.query ? { query: def.query } : {}),
      ...(def.body ? { body: def.body } : {}),
      ...(def.params ? { params: def.params } : {}),
    },
    ...(def.rawBody ? { rawBody: def.rawBody } : {}),
    returns: def.returns,
    invoke: (raw) =>
      def.handle({
        query: parse(def.query, raw.query),
        body: parse(def.body, raw.body),
        params: parse(def.params, raw.params),
        principal: raw.principal,
        app: raw.app,
        c: raw.c,
      }),
  };
}
