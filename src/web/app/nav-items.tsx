import type { ComponentType } from "react";
import {
  IconActivity,
  IconBell,
  IconBook2,
  IconBulb,
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
  IconLayoutGrid,
  IconListCheck,
  IconMailQuestion,
  IconMessages,
  IconMessageCircleStar,
  IconScale,
  IconSettings,
  IconSpeakerphone,
  IconSwords,
  IconThumbDown,
  IconTrendingUp,
  IconUsers,
  IconUsersGroup,
  IconUserSearch,
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
    ],
  },
  {
    title: "Enablement",
    items: [
      { label: "Overview", to: "/enablement", icon: IconBook2 },
      { label: "Content library", to: "/content", icon: IconFiles },
      { label: "References", to: "/references", icon: IconMessageCircleStar },
      { label: "Competitors", to: "/competitors", icon: IconSwords },
      { label: "Campaign briefs", to: "/briefs", icon: IconClipboardCheck },
      { label: "Content requests", to: "/content/requests", icon: IconMailQuestion },
      { label: "Messaging", to: "/messaging", icon: IconMessages },
      { label: "SWOT analyses", to: "/swots", icon: IconLayoutGrid },
      { label: "Personas", to: "/personas", icon: IconUserSearch },
      { label: "Field insights", to: "/insights", icon: IconBulb },
    ],
  },
  {
    title: "Growth & team",
    items: [
      { label: "Growth", to: "/growth", icon: IconTrendingUp },
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

const matches = (to: string, pathname: string) => (to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`));

/** Whether a nav item is the active one for a path (Home only on `/`; the longest match wins: /content/requests is not the library). */
export function isNavActive(item: NavItem, pathname: string): boolean {
  if (!matches(item.to, pathname)) return false;
  return !NAV_SECTIONS.some((s) => s.items.some((o) => o.to.length > item.to.length && o.to.startsWith(item.to) && matches(o.to, pathname)));
}

