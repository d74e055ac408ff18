// The HTTP API over the Vafa library: routes, auth, jobs, and the application-state stores.

// The DuckDB file's state store (portable SQL in @vafa/core), for `vafa demo`'s demo users.
export { sqlStateStore } from "@vafa/core";
export type { AppContext } from "./AppContext.ts";
export { LoginLimiter } from "./auth/LoginLimiter.ts";
export { hashPassword, verifyPassword } from "./auth/passwords.ts";
export { allows, type Permission, permissionRoles } from "./auth/permissions.ts";
export { createApp } from "./createApp.ts";
export { createDemoUser, demoUsers, prepareDemoBranches } from "./demoUsers.ts";
export { openServerEngine, type ServerEngine, type ServerEngineOptions } from "./engine/openServerEngine.ts";
export { ReportCache } from "./facts/ReportCache.ts";
export { HttpError } from "./http/HttpError.ts";
export { openApiDocument } from "./http/openApiDocument.ts";
export { defineRoute, type Route, type RouteDef } from "./http/Route.ts";
export { JobRunner } from "./jobs/JobRunner.ts";
export { allRoutes } from "./routes/allRoutes.ts";
export { type ServerConfig, serverConfig } from "./ServerConfig.ts";
export { defaultSettings, readSettings, type Settings, settingsSchema } from "./settings.ts";
export { openState, type RunningServer, type StartOptions, startServer } from "./startServer.ts";
export { cachedStateStore } from "./state/cachedStateStore.ts";
export * from "./state/StateStore.ts";
export { defectionWorklist } from "./worklist/defectionWorklist.ts";
export type { AlertFilter, AlertRow, ContactInput, Worklist } from "./worklist/Worklist.ts";
