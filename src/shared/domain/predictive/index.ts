// The predictive score's model library: pure math on arrays, shared by the server and the CLI.
export * from "./feature-spec.js";
export * from "./features.js";
export * from "./matrix.js";
export * from "./logistic.js";
export * from "./metrics.js";
export * from "./explain.js";
export * from "./model.js";
export * from "./evaluation.js";
export * from "./split.js";
export * from "./random.js";
