export * from "./identity.js";
export * from "./campaigns.js";
export * from "./crm.js";
export * from "./agreement.js";
