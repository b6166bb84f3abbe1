import { Outlet } from "react-router";
import { DrillProvider } from "../components/drill-drawer";

/** The reports area (/reports and /reports/<name>): one drill-down drawer shared by every number on the page. */
export function ReportsLayout() {
  return (
    <DrillProvider>
      <Outlet />
    </DrillProvider>
  );
}
