export * from "./identity.js";
export * from "./campaigns.js";
export * from "./crm.js";
export * from "./agreement.js";
export * from "./platform.js";
export * from "./routing.js";
export * from "./predictive.js";
