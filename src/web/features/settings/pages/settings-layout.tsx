import { Tabs } from "@mantine/core";
import { IconBell, IconHistory, IconKey, IconRoute, IconSitemap, IconUsers, IconUsersGroup, IconWebhook, IconWorldWww } from "@tabler/icons-react";
import { can as roleCan } from "../../../../shared/domain/permissions.js";
import { IconAlarm, IconListCheck } from "@tabler/icons-react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { PageHeader } from "../../../components/page-header";
import { useAbilities, useSession } from "../../../lib/session";

/** The settings area at /settings with a tab per section; sections a role may not use are not offered. */
export function SettingsLayout() {
  const can = useAbilities();
  const { role } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.split("/")[2] ?? "";
  const tabs = [
    { value: "users", label: "Users", icon: IconUsers, show: can.canManageUsers },
    { value: "teams", label: "Teams", icon: IconUsersGroup, show: true },
    { value: "routing", label: "Routing", icon: IconRoute, show: true },
    { value: "pods", label: "Pods", icon: IconSitemap, show: true },
    { value: "playbooks", label: "Playbooks", icon: IconListCheck, show: true },
    { value: "sla", label: "SLA", icon: IconAlarm, show: true },
    { value: "notifications", label: "Notifications", icon: IconBell, show: true },
    { value: "tokens", label: "API tokens", icon: IconKey, show: true },
    { value: "webhooks", label: "Webhooks", icon: IconWebhook, show: roleCan(role, "manageWebhooks") },
    { value: "capture", label: "Web capture", icon: IconWorldWww, show: roleCan(role, "readCapture") },
    { value: "audit", label: "Audit log", icon: IconHistory, show: can.canViewAudit },
  ].filter((t) => t.show);

  return (
    <>
      <PageHeader title="Settings" description="People, teams, lead routing, your notifications, API access and the audit trail of this workspace." />
      <Tabs value={current || null} onChange={(v) => v && navigate(`/settings/${v}`)} mb="lg" keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={16} />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
