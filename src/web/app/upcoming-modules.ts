/** What each module still to come will hold, shown on its placeholder page (no fake data). */
export type UpcomingModule = { path: string; title: string; summary: string; forWhom: string; features: string[] };

export const UPCOMING_MODULES: UpcomingModule[] = [
  {
    path: "growth",
    title: "Growth",
    summary: "Revenue from existing customers: whitespace, account reviews and cross-sell motions.",
    forWhom: "Account executives and managers.",
    features: ["Whitespace by account and product", "Account reviews with actions", "Cross-sell and expansion motions with their pipeline"],
  },
];
