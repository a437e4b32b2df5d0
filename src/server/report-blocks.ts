// The data blocks the modules offer the reports, registered once at start. A module that adds blocks
// exports a register function from its report-blocks.ts and is listed here; reports itself never
// imports the modules whose data its blocks show.
import { registerEconomyReportBlocks } from '../modules/economy/report-blocks.js';
import { registerGovernanceReportBlocks } from '../modules/reports/blocks/governance.js';
import { registerGlossaryReportBlock } from '../modules/reports/blocks/glossary.js';
import { registerAnnualReportBlocks } from '../modules/reports/blocks/annual.js';
import { registerServiceDeskReportBlocks } from '../modules/servicedesk/report-blocks.js';
import { registerEquipmentReportBlocks } from '../modules/equipment/report-blocks.js';
import { registerPortfolioReportBlocks } from '../modules/portfolio/report-blocks.js';

let registered = false;

export function registerReportBlocks() {
  if (registered) return;
  registered = true;
  registerEconomyReportBlocks();
  registerServiceDeskReportBlocks();
  registerGovernanceReportBlocks();
  registerGlossaryReportBlock();
  registerAnnualReportBlocks();
  registerEquipmentReportBlocks();
  registerPortfolioReportBlocks();
}
