/** Roles a member can hold in a workspace (DESIGN §5). */
export const ROLES = ["admin", "manager", "marketing", "sales", "sdr"] as const;
export type Role = (typeof ROLES)[number];

/** Human labels for roles, shown in the UI. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  manager: "Manager",
  marketing: "Marketing",
  sales: "Sales (AE)",
  sdr: "SDR",
};

/** Whether the role sits on the marketing side of the agreement (manager counts for both sides). */
export function isMarketingSide(role: Role): boolean {
  return role === "marketing" || role === "manager";
}

/** Whether the role sits on the sales side of the agreement (manager counts for both sides). */
export function isSalesSide(role: Role): boolean {
  return role === "sales" || role === "sdr" || role === "manager";
}
