// Every module's tables, gathered for Drizzle and drizzle-kit. Add a module's schema here.
export * from '../modules/org/schema.js';
export * from '../modules/audit/schema.js';
export * from '../modules/mail/schema.js';
export * from '../modules/messages/schema.js';
export * from '../modules/governance/schema.js';
export * from '../modules/economy/schema.js';
export * from '../modules/servicedesk/schema.js';
export * from '../server/idempotency/schema.js';
export * from '../modules/uploads/schema.js';
export * from '../modules/reports/schema.js';
export * from '../modules/equipment/schema.js';
export * from '../modules/portfolio/schema.js';
