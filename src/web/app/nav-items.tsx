import type { ComponentType } from "react";
import {
  IconActivity,
  IconBell,
  IconBook2,
  IconBuilding,
  IconChartBar,
  IconChartDots3,
  IconClipboardCheck,
  IconCoin,
  IconFileImport,
  IconFiles,
  IconGauge,
  IconHome,
  IconInbox,
  IconListCheck,
  IconScale,
  IconSettings,
  IconSpeakerphone,
  IconSwords,
  IconThumbDown,
  IconTrendingUp,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";

export type NavItem = { label: string; to: string; icon: ComponentType<{ size?: number; stroke?: number }>; comingSoon?: boolean };
export type NavSection = { title: string | null; items: NavItem[] };

/** Every module of DESIGN §2 in the sidebar, grouped by the job it serves. */
export const NAV_SECTIONS: NavSection[] = [
  { title: null, items: [{ label: "Home", to: "/", icon: IconHome }] },
  {
    title: "Pipeline",
    items: [
      { label: "Contacts & leads", to: "/contacts", icon: IconUsers },
      { label: "Accounts", to: "/accounts", icon: IconBuilding },
      { label: "Deals", to: "/deals", icon: IconCoin },
    ],
  },
  {
    title: "Marketing",
    items: [
      { label: "Campaigns", to: "/campaigns", icon: IconSpeakerphone },
      { label: "Activity", to: "/activity", icon: IconActivity },
    ],
  },
  {
    title: "Alignment",
    items: [
      { label: "Lead agreement", to: "/agreement", icon: IconScale },
      { label: "Predictive model", to: "/predictive", icon: IconChartDots3 },
      { label: "Inbox", to: "/inbox", icon: IconInbox },
      { label: "SLA ledger", to: "/sla", icon: IconGauge },
      { label: "Rejections", to: "/feedback", icon: IconThumbDown },
      { label: "Playbooks", to: "/playbooks", icon: IconListCheck },
      { label: "Content library", to: "/content", icon: IconFiles },
      { label: "Competitors", to: "/competitors", icon: IconSwords },
      { label: "Campaign briefs", to: "/briefs", icon: IconClipboardCheck },
      { label: "Enablement", to: "/enablement", icon: IconBook2, comingSoon: true },
    ],
  },
  {
    title: "Growth & team",
    items: [
      { label: "Growth", to: "/growth", icon: IconTrendingUp, comingSoon: true },
      { label: "Team & commission", to: "/team", icon: IconUsersGroup },
      { label: "Reports", to: "/reports", icon: IconChartBar },
    ],
  },
  {
    title: "Workspace",
    items: [
      { label: "Notifications", to: "/notifications", icon: IconBell },
      { label: "Imports", to: "/imports", icon: IconFileImport },
      { label: "Settings", to: "/settings", icon: IconSettings },
    ],
  },
];

/** Whether a nav item is the active one for a path (Home only on `/`). */
export function isNavActive(item: NavItem, pathname: string): boolean {
  if (item.to === "/") return pathname === "/";
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

