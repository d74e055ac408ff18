import { ApiError } from "./ApiError.ts";

let csrfToken: string | null = null;

/** Remembers the CSRF token from /api/me, /api/login or /api/setup for later mutating requests. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  /** A raw body (e.g. a File) sent as is instead of JSON. */
  readonly raw?: Blob;
  readonly headers?: Readonly<Record<string, string>>;
}

function errorMessage(body: unknown, status: number): { message: string; details: unknown } {
  if (typeof body === "object" && body !== null && "error" in body) {
    const record = body as { error: unknown; details?: unknown };
    return { message: String(record.error), details: record.details };
  }
  return { message: `HTTP ${status}`, details: undefined };
}

/**
 * Calls the Vafa API on the same origin and parses its JSON answer; throws `ApiError` otherwise.
 * Mutating requests carry the `X-CSRF-Token` header.
 *
 * @example
 * const me = await request<MeResponse>("GET", "/api/me");
 */
export async function request<T>(
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (method !== "GET" && csrfToken !== null) headers["X-CSRF-Token"] = csrfToken;
  let payload: BodyInit | undefined;
  if (options.raw !== undefined) payload = options.raw;
  else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(payload === undefined ? {} : { body: payload }),
    });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) {
    const { message, details } = errorMessage(parsed, response.status);
    throw new ApiError(response.status, message, details);
  }
  return parsed as T;
}

/** GET shorthand for `request`. */
export function getJson<T>(path: string): Promise<T> {
  return request<T>("GET", path);
}
