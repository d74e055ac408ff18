import type { Route } from "../http/Route.ts";
import { adminRoutes } from "./adminRoutes.ts";
import { alertRoutes } from "./alertRoutes.ts";
import { authRoutes } from "./authRoutes.ts";
import { causeRoutes } from "./causeRoutes.ts";
import { customerRoutes } from "./customerRoutes.ts";
import { defectionRoutes } from "./defectionRoutes.ts";
import { modelRoutes } from "./modelRoutes.ts";
import { programmeRoutes } from "./programmeRoutes.ts";
import { reportRoutes } from "./reportRoutes.ts";
import { segmentRoutes } from "./segmentRoutes.ts";
import { uploadRoutes } from "./uploadRoutes.ts";

/** Every API route, in the order the document lists them. */
export function allRoutes(): Route[] {
  return [
    ...authRoutes(),
    ...reportRoutes(),
    ...customerRoutes(),
    ...alertRoutes(),
    ...defectionRoutes(),
    ...modelRoutes(),
    ...segmentRoutes(),
    ...causeRoutes(),
    ...programmeRoutes(),
    ...uploadRoutes(),
    ...adminRoutes(),
  ];
}
