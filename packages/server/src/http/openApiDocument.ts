import { z } from "zod";
import type { Route } from "./Route.ts";

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Json;
}

function parametersOf(schema: z.ZodType | undefined, where: "query" | "path"): Json[] {
  if (schema === undefined) return [];
  const s = schemaOf(schema);
  const properties = (s.properties ?? {}) as Record<string, Json>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (required.has(name) && property.default === undefined),
    schema: property,
  }));
}

const errorSchema = {
  type: "object",
  required: ["error", "kind"],
  properties: {
    error: { type: "string" },
    kind: {
      type: "string",
      enum: ["bad_input", "not_found", "conflict", "forbidden", "not_supported", "internal"],
    },
    details: {},
  },
};

/**
 * The OpenAPI 3.1 document of the API, generated from the routes' zod schemas, so it cannot drift
 * from what the server validates.
 *
 * @example
 * const doc = openApiDocument(routes);
 * Object.keys(doc.paths); // ["/api/setup", "/api/login", …]
 */
export function openApiDocument(routes: readonly Route[]): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, "{$1}");
    const body = r.rawBody
      ? {
          required: true,
          content: Object.fromEntries(
            r.rawBody.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
          ),
        }
      : r.schemas.body
        ? { required: true, content: { "application/json": { schema: schemaOf(r.schemas.body) } } }
        : undefined;
    const operation: Json = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method}${path.replace(/[^\w]+(\w)?/g, (_, ch: string | undefined) => (ch ?? "").toUpperCase())}`,
      "x-vafa-access": r.access,
      ...(r.feature !== null ? { "x-vafa-feature": r.feature } : {}),
      ...(r.method === "get" && r.feature !== null
        ? { "x-vafa-scope": r.scope === "branch" ? "branch" : "all-branches" }
        : {}),
      parameters: [...parametersOf(r.schemas.params, "path"), ...parametersOf(r.schemas.query, "query")],
      ...(body ? { requestBody: body } : {}),
      ...(r.access === "public" ? { security: [] } : {}),
      responses: {
        "200": { description: r.returns, content: { "application/json": { schema: {} } } },
        "4XX": { description: "A client error", content: { "application/json": { schema: errorSchema } } },
        ...(r.feature !== null
          ? {
              "501": {
                description: "The engine cannot run this yet (e.g. on ClickHouse)",
                content: { "application/json": { schema: errorSchema } },
              },
            }
          : {}),
      },
    };
    paths[path] = { ...(paths[path] ?? {}), [r.method]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Vafa API",
      version: "0.1.0",
      description:
        "Customer retention: reports, customers, the defection worklist, uploads and administration. Sign in with POST /api/login (cookie vafa_session; mutations then need the X-CSRF-Token header) or send an API token as Authorization: Bearer vafa_….",
    },
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "vafa_session" },
        token: { type: "http", scheme: "bearer" },
      },
    },
    security: [{ session: [] }, { token: [] }],
    paths,
  };
}
