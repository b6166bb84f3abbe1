import { Tabs } from "@mantine/core";
import { Outlet, useLocation, useNavigate } from "react-router";
import { PageHeader } from "../../../components/page-header";
import { useSession } from "../../../lib/session";
import { can } from "../../../../shared/domain/permissions.js";

/** Team & commission at /team: pods and their ratio, the SDR scoreboard, commission plans, monthly statements and the what-if. */
export function TeamLayout() {
  const me = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const manager = can(me.role, "manageCompPlans");
  const sdrViews = can(me.role, "readSdrTeam") || me.role === "sdr";
  const tabs = [
    { value: "/team", label: "Pods" },
    ...(sdrViews ? [{ value: "/team/scoreboard", label: "SDR scoreboard" }, { value: "/team/leads", label: manager ? "Passed leads" : "My leads" }] : []),
    { value: "/team/plans", label: "Commission plans" },
    { value: "/team/statements", label: manager ? "Statements" : "My statements" },
    ...(manager ? [{ value: "/team/what-if", label: "What-if" }] : []),
  ];
  const active = tabs.slice().reverse().find((t) => pathname === t.value || pathname.startsWith(`${t.value}/`))?.value ?? "/team";
  return (
    <>
      <PageHeader title="Team & commission" description="SDR pods with their ratio, and pay that rewards revenue rather than meetings booked: plans, monthly statements and what each plan would have paid." />
      <Tabs value={active} onChange={(v) => v && navigate(v)} mb="md">
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} data-testid={`team-tab-${t.value.split("/").pop()}`}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
