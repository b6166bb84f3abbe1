import { ThemeIcon } from "@mantine/core";
import {
  IconAd,
  IconBrowser,
  IconCalendarEvent,
  IconClick,
  IconDownload,
  IconEye,
  IconForms,
  IconMail,
  IconMailForward,
  IconMailOpened,
  IconMessageCircle,
  IconPhone,
  IconPresentation,
  IconSend,
  IconShare,
  IconTicket,
  IconVideo,
  IconActivity,
} from "@tabler/icons-react";
import type { ComponentType } from "react";

type IconDef = { icon: ComponentType<{ size?: number; stroke?: number }>; color: string };

const ICONS: Record<string, IconDef> = {
  email_sent: { icon: IconSend, color: "blue" },
  email_open: { icon: IconMailOpened, color: "blue" },
  email_click: { icon: IconClick, color: "blue" },
  email_reply: { icon: IconMailForward, color: "blue" },
  page_view: { icon: IconBrowser, color: "cyan" },
  form_submit: { icon: IconForms, color: "violet" },
  content_view: { icon: IconEye, color: "grape" },
  content_download: { icon: IconDownload, color: "grape" },
  webinar_register: { icon: IconPresentation, color: "pink" },
  webinar_attend: { icon: IconVideo, color: "pink" },
  event_visit: { icon: IconTicket, color: "orange" },
  ad_click: { icon: IconAd, color: "yellow" },
  chat: { icon: IconMessageCircle, color: "teal" },
  call: { icon: IconPhone, color: "green" },
  meeting: { icon: IconCalendarEvent, color: "green" },
  sales_email: { icon: IconMail, color: "green" },
  content_share: { icon: IconShare, color: "green" },
};

/** The icon and color of a touchpoint type. */
export function touchpointIcon(type: string): IconDef {
  return ICONS[type] ?? { icon: IconActivity, color: "gray" };
}

/** A touchpoint type's icon in a small colored circle. */
export function TouchpointIcon({ type, size = 26 }: { type: string; size?: number }) {
  const { icon: Icon, color } = touchpointIcon(type);
  return (
    <ThemeIcon size={size} radius="xl" variant="light" color={color}>
      <Icon size={Math.round(size * 0.58)} stroke={1.8} />
    </ThemeIcon>
  );
}
