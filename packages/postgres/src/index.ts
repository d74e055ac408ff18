// The PostgreSQL adapter: the operational store (users, sessions, settings, jobs) for several API processes.
export { PgClient } from "./PgClient.ts";
export { postgresStateMigrations, postgresStateStore } from "./postgresStateStore.ts";
