import { Navigate } from "react-router";
import { useAbilities } from "../../../lib/session";

/** /settings: opens the first section the role may use. */
export function SettingsIndexPage() {
  const can = useAbilities();
  return <Navigate to={can.canManageUsers ? "/settings/users" : "/settings/tokens"} replace />;
}
