/** Touchpoint types and their category (DESIGN §5): marketing engagement or sales activity. */
export const TOUCHPOINT_CATEGORIES = {
  email_sent: "marketing",
  email_open: "marketing",
  email_click: "marketing",
  email_reply: "marketing",
  page_view: "marketing",
  form_submit: "marketing",
  content_view: "marketing",
  content_download: "marketing",
  webinar_register: "marketing",
  webinar_attend: "marketing",
  event_visit: "marketing",
  ad_click: "marketing",
  chat: "marketing",
  call: "sales",
  meeting: "sales",
  sales_email: "sales",
  content_share: "sales",
} as const;

export type TouchpointType = keyof typeof TOUCHPOINT_CATEGORIES;
export type TouchpointCategory = (typeof TOUCHPOINT_CATEGORIES)[TouchpointType];
export const TOUCHPOINT_TYPES = Object.keys(TOUCHPOINT_CATEGORIES) as [TouchpointType, ...TouchpointType[]];

/** The category of a touchpoint type. */
export function touchpointCategory(type: TouchpointType): TouchpointCategory {
  return TOUCHPOINT_CATEGORIES[type];
}

/** Channels a campaign or touchpoint can come through. */
export const CHANNELS = [
  "email",
  "paid_search",
  "paid_social",
  "organic_search",
  "social",
  "webinar",
  "event",
  "content",
  "direct",
  "referral",
  "partner",
  "outbound",
] as const;
export type Channel = (typeof CHANNELS)[number];
