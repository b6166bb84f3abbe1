import { Command } from "commander";
import { registerServeCommands } from "./commands/serve.js";
import { registerDemoCommand } from "./commands/demo.js";
import { registerAdminCommands } from "./commands/admin.js";
import { registerModelCommand } from "./commands/model.js";
import { registerRescoreCommand } from "./commands/rescore.js";
import { registerSlaCommands } from "./commands/sla.js";
import { registerBacktestCommand } from "./commands/backtest.js";
import { registerNotifyCommand } from "./commands/notify.js";
import { registerAttributionCommands } from "./commands/attribution.js";
import { registerReportsCommands } from "./commands/reports.js";
import { registerImportCommand } from "./commands/import.js";
import { registerExportCommand } from "./commands/export.js";
import { registerPrivacyCommands } from "./commands/privacy.js";

/** The `tandem` command line. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command("tandem").description("Tandem: marketing and sales as one revenue team").showHelpAfterError();
  registerServeCommands(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerPrivacyCommands(program);
  registerDemoCommand(program);
  registerAdminCommands(program);
  registerModelCommand(program);
  registerRescoreCommand(program);
  registerSlaCommands(program);
  registerBacktestCommand(program);
  registerNotifyCommand(program);
  registerAttributionCommands(program);
  registerReportsCommands(program);
  await program.parseAsync(argv);
}
