import {
  AnalysisError,
  BasketError,
  CausesError,
  DefectionError,
  IngestError,
  PeriodError,
  ProgrammeError,
  RetentionError,
  SegmentError,
} from "@vafa/core";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ZodError } from "zod";
import type { AppContext } from "./AppContext.ts";
import { allows } from "./auth/permissions.ts";
import { resolvePrincipal } from "./auth/sessions.ts";
import { docsPage, docsPageCsp } from "./http/docsPage.ts";
import { HttpError } from "./http/HttpError.ts";
import { limitedBody } from "./http/limitedBody.ts";
import { openApiDocument } from "./http/openApiDocument.ts";
import type { Route } from "./http/Route.ts";
import { securityHeaders } from "./http/securityHeaders.ts";
import { serveWeb } from "./http/staticFiles.ts";
import { allRoutes } from "./routes/allRoutes.ts";
import { isWriteConflict } from "./state/sqlStateStore.ts";

const mutating = new Set(["post", "put", "patch", "delete"]);

/** The caller's mistakes the library reports by type: answered 400 with the library's message. */
function isBadRequest(error: unknown): error is Error {
  return (
    error instanceof PeriodError ||
    error instanceof RetentionError ||
    error instanceof AnalysisError ||
    error instanceof DefectionError ||
    error instanceof SegmentError ||
    error instanceof BasketError ||
    error instanceof CausesError ||
    error instanceof ProgrammeError ||
    error instanceof IngestError
  );
}

function errorResponse(c: Context, error: unknown): Response {
  if (error instanceof HttpError)
    return c.json(
      { error: error.message, ...(error.details !== undefined ? { details: error.details } : {}) },
      error.status,
    );
  if (error instanceof ZodError)
    return c.json(
      {
        error: "invalid request",
        details: error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      },
      400,
    );
  // A rule that does not parse also says where: the character offset of the problem.
  if (error instanceof SegmentError && error.position !== null)
    return c.json({ error: error.message, details: { position: error.position } }, 400);
  if (isBadRequest(error)) return c.json({ error: error.message }, 400);
  // Two writers met on one row and the store's retries ran out: the client may simply try again.
  if (isWriteConflict(error)) {
    c.header("Retry-After", "1");
    return c.json({ error: "the data changed while this request ran; try again" }, 409);
  }
  console.error(error);
  return c.json({ error: "internal error" }, 500);
}

async function bodyOf(route: Route, c: Context): Promise<unknown> {
  if (route.schemas.body === undefined) return undefined;
  // Only JSON: a cross-site form can send text/plain without a preflight (login CSRF), never JSON.
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json")
    throw new HttpError(415, "send the body as application/json", { contentType: type });
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, "the body must be JSON");
  }
}

/**
 * Checks who is calling and whether they may: sign-in for non-public routes, the role's permission,
 * and — for mutations over a session cookie — the `X-CSRF-Token` header matching the session's
 * token (API tokens are not sent by browsers on their own, so they skip it).
 */
async function authorize(app: AppContext, route: Route, c: Context) {
  const principal = await resolvePrincipal(app, c);
  if (route.access === "public") return principal;
  if (principal === null) throw new HttpError(401, "sign in first");
  if (principal.via === "session" && mutating.has(route.method)) {
    const sent = c.req.header("x-csrf-token");
    if (sent === undefined || sent !== principal.session?.csrfToken)
      throw new HttpError(403, "missing or wrong X-CSRF-Token header");
  }
  if (!allows(principal.user.role, route.access))
    throw new HttpError(403, `the ${principal.user.role} role may not do this`);
  return principal;
}

/**
 * The Hono app: every route of `allRoutes`, `/openapi.json`, `/docs`, and the dashboard's static
 * files. Routes validate their inputs; errors answer `{ error, details? }`.
 *
 * @example
 * const app = createApp(context);
 * const res = await app.request("/api/setup");
 */
export function createApp(app: AppContext, routes: readonly Route[] = allRoutes()): Hono {
  const hono = new Hono();
  const document = openApiDocument(routes);
  hono.use("*", securityHeaders(app.config));
  const jsonLimit = bodyLimit({
    maxSize: app.config.maxJsonBytes,
    onError: (c) => c.json({ error: `the body is larger than ${app.config.maxJsonBytes} bytes` }, 413),
  });
  for (const route of routes) {
    // JSON bodies: refused past the limit before they are read (Content-Length) or while they are
    // (chunked). Raw uploads: counted as they stream to the route, which cleans up when cut off.
    if (route.rawBody === undefined) hono.on(route.method.toUpperCase(), route.path, jsonLimit);
    hono.on(route.method.toUpperCase(), route.path, async (c) => {
      try {
        if (route.rawBody !== undefined) {
          const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim() ?? "";
          if (!route.rawBody.includes(type))
            throw new HttpError(400, `send the file as ${route.rawBody.join(" or ")}`, { contentType: type });
          const declared = Number(c.req.header("content-length") ?? "0");
          if (declared > app.config.maxUploadBytes)
            throw new HttpError(413, `the upload is larger than ${app.config.maxUploadBytes} bytes`);
          const raw = c.req.raw.body;
          if (raw !== null)
            c.req.raw = new Request(c.req.raw, {
              body: limitedBody(raw, app.config.maxUploadBytes),
              duplex: "half",
            } as RequestInit);
        }
        const principal = await authorize(app, route, c);
        const result = await route.invoke({
          query: c.req.query(),
          body: await bodyOf(route, c),
          params: c.req.param(),
          principal,
          app,
          c,
        });
        return result instanceof Response ? result : c.json(result);
      } catch (error) {
        return errorResponse(c, error);
      }
    });
  }
  hono.get("/openapi.json", (c) => c.json(document));
  hono.get("/docs", (c) => {
    c.header("content-security-policy", docsPageCsp);
    return c.html(docsPage);
  });
  hono.all("/api/*", (c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));
  hono.get("*", (c) => serveWeb(app.config.webDir, c.req.path));
  return hono;
}
