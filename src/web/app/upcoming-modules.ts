/** What each module still to come will hold, shown on its placeholder page (no fake data). */
export type UpcomingModule = { path: string; title: string; summary: string; forWhom: string; features: string[] };

export const UPCOMING_MODULES: UpcomingModule[] = [];
