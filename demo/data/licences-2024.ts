// P360 (Public 360, the archive system) licences of 2024 for ROR-IKT's members. Seed 003 (2024/M2-007)
// says the licences exceed the contract and that ROR-IKT takes out the active P360 users every month;
// it prints no counts. ASSUMPTION: every figure here is made up to show that situation: each member's
// contracted count from 1.1.2024 (Hustadvika's raised from 1.9.2024, a contract change), and how many
// users each month's export lists. Who signs in when is demo/equipment.ts's pattern (p360Active).
import type { TMunicipalityKey } from './types.js';

export type TLicenceMember = Exclude<TMunicipalityKey, 'midsund'>;

export const P360_PRODUCT = { name: 'Public 360', inactiveMonths: 4 } as const;

/** Contracted counts, each from its date; a change is a new count from its date. */
export const P360_CONTRACTS: { municipality: TLicenceMember; count: number; validFrom: string }[] = [
  { municipality: 'molde', count: 130, validFrom: '2024-01-01' },
  { municipality: 'aukra', count: 22, validFrom: '2024-01-01' },
  { municipality: 'rauma', count: 40, validFrom: '2024-01-01' },
  { municipality: 'vestnes', count: 30, validFrom: '2024-01-01' },
  { municipality: 'hustadvika', count: 48, validFrom: '2024-01-01' },
  { municipality: 'hustadvika', count: 55, validFrom: '2024-09-01' },
];

/** Licensed users each month's export lists per member (the same people all year). */
export const P360_USERS: Record<TLicenceMember, number> = { molde: 170, aukra: 30, rauma: 50, vestnes: 40, hustadvika: 60 };

export const P360_MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'] as const;
