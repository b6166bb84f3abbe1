import { Outlet } from "react-router";
import { PageHeader } from "../../../components/page-header";
import { RouteTabs } from "../../../components/route-tabs";
import { useSession } from "../../../lib/session";
import { can } from "../../../../shared/domain/permissions.js";

/** Team & commission at /team: pods and their ratio, the SDR scoreboard, commission plans, monthly statements and the what-if. */
export function TeamLayout() {
  const me = useSession();
  const manager = can(me.role, "manageCompPlans");
  const sdrViews = can(me.role, "readSdrTeam") || me.role === "sdr";
  const tabs = [
    { value: "/team", label: "Pods" },
    ...(sdrViews ? [{ value: "/team/scoreboard", label: "SDR scoreboard" }, { value: "/team/leads", label: manager ? "Passed leads" : "My leads" }] : []),
    { value: "/team/plans", label: "Commission plans" },
    { value: "/team/statements", label: manager ? "Statements" : "My statements" },
    ...(manager ? [{ value: "/team/what-if", label: "What-if" }] : []),
  ];
  return (
    <>
      <PageHeader title="Team & commission" description="SDR pods with their ratio, and pay that rewards revenue rather than meetings booked: plans, monthly statements and what each plan would have paid." />
      <RouteTabs tabs={tabs} fallback="/team" testIdPrefix="team-tab" />
      <Outlet />
    </>
  );
}
