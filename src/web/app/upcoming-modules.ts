/** What each module still to come will hold, shown on its placeholder page (no fake data). */
export type UpcomingModule = { path: string; title: string; summary: string; forWhom: string; features: string[] };

export const UPCOMING_MODULES: UpcomingModule[] = [
  {
    path: "enablement",
    title: "Enablement",
    summary: "Everything sales needs to stay on message: content, references, battlecards and campaign briefs.",
    forWhom: "Marketing publishes; sales finds, shares and rates.",
    features: [
      "Content library tagged by funnel stage, with usage and effectiveness",
      "Content requests from the field",
      "Customer references and their use in deals",
      "Competitors and battlecards; messaging, value props and talk tracks",
      "Campaign briefs with readiness and sales acknowledgements; SWOT",
    ],
  },
  {
    path: "growth",
    title: "Growth",
    summary: "Revenue from existing customers: whitespace, account reviews and cross-sell motions.",
    forWhom: "Account executives and managers.",
    features: ["Whitespace by account and product", "Account reviews with actions", "Cross-sell and expansion motions with their pipeline"],
  },
];
