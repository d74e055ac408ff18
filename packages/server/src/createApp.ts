import { AppError, type AppErrorKind, isWriteConflict, requireFeature, SegmentError } from "@vafa/core";
import { FitError } from "@vafa/models";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import type { AppContext } from "./AppContext.ts";
import { branchScope } from "./auth/branchScope.ts";
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

const mutating = new Set(["post", "put", "patch", "delete"]);

/** The one mapping from what went wrong to the status a client sees. */
const statusOf: Record<AppErrorKind, ContentfulStatusCode> = {
  bad_input: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  not_supported: 501,
  internal: 500,
};

/** A JSON problem body: the message, its kind, and details when there are any. */
function problem(c: Context, status: ContentfulStatusCode, error: AppError): Response {
  return c.json(
    {
      error: error.message,
      kind: error.kind,
      ...(error.details !== undefined ? { details: error.details } : {}),
    },
    status,
  );
}

/** Any error as an `AppError`: the library's as they are, a bad fit input or request as bad input. */
function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) {
    // A rule that does not parse also says where: the character offset of the problem.
    if (error instanceof SegmentError && error.position !== null && error.details === undefined)
      return new AppError("bad_input", error.message, { position: error.position });
    return error;
  }
  if (error instanceof ZodError)
    return new AppError(
      "bad_input",
      "invalid request",
      error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    );
  // The data cannot identify the model (too few repeat buyers, …): the caller's data, with the reason.
  if (error instanceof FitError) return new AppError("bad_input", error.message);
  // Two writers met on one row and the store's retries ran out: the client may simply try again.
  if (isWriteConflict(error))
    return new AppError("conflict", "the data changed while this request ran; try again");
  return null;
}

function errorResponse(c: Context, error: unknown): Response {
  const known = asAppError(error);
  if (known === null || known.kind === "internal") {
    console.error(error);
    return c.json({ error: "internal error", kind: "internal" }, 500);
  }
  if (!(error instanceof AppError) && isWriteConflict(error)) c.header("Retry-After", "1");
  return problem(c, known instanceof HttpError ? known.status : statusOf[known.kind], known);
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
 * Whether a route serves figures over every branch, so agents may not call it: a GET route of a
 * feature that does not confine agents to their branch (`scope: "branch"`). Deny by default.
 */
function refusesAgents(route: Route): boolean {
  return route.method === "get" && route.feature !== null && route.scope !== "branch";
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
  if (refusesAgents(route) && branchScope(principal.user) !== undefined)
    throw new HttpError(403, "this report covers every branch; agents see their branch's reports only");
  return principal;
}

/**
 * The Hono app: every route of `allRoutes`, `/openapi.json`, `/docs`, and the dashboard's static
 * files. Routes validate their inputs; errors answer a JSON problem `{ error, kind, details? }` with
 * the status of their kind (bad_input 400, not_found 404, conflict 409, forbidden 403,
 * not_supported 501, internal 500), a route whose feature the engine lacks 501 before it runs.
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
    onError: (c) =>
      c.json({ error: `the body is larger than ${app.config.maxJsonBytes} bytes`, kind: "bad_input" }, 413),
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
        // A use case the engine cannot run is refused here, never answered from another store.
        if (route.feature !== null) requireFeature(app.engine, route.feature);
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
  hono.all("/api/*", (c) =>
    c.json({ error: `no route ${c.req.method} ${c.req.path}`, kind: "not_found" }, 404),
  );
  hono.get("*", (c) => serveWeb(app.config.webDir, c.req.path));
  return hono;
}
