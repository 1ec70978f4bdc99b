import type { RoutePermission } from "@jiangxin/domain";
import type { ReactNode } from "react";
import { Navigate } from "react-router-dom";
import { useCan } from "./session";

/** Hides a page the user may not open; the server would refuse its data calls anyway. */
export function RequirePermission({ permission, children }: { permission: RoutePermission; children: ReactNode }) {
  const can = useCan();
  if (!can(permission)) return <Navigate to="/403" replace />;
  return children;
}
