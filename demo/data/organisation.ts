// ROR-IKT as the seeds show it: the cooperation, its member municipalities over time, its two councils,
// the people who sat in them and the demo accounts.
//
// Two bodies, not one renamed: the 2018 papers are headed "Styret for ROR-IKT" with running case numbers
// (ST 39/18), the papers from 2023 on "Samarbeidsrådet for ROR-IKT" with numbers per meeting
// (2023/M6-003). A rename would reprint the 2018 protocol under today's name and today's scheme; two
// bodies keep each paper as it was issued, and the yearly statistics per body stay true.
//
// Facts not in the seeds are marked ASSUMPTION where they are set.
import type {
  TDemoAccount, TDemoBody, TDemoBodyMember, TDemoCooperation, TDemoMunicipality, TDemoPerson,
} from './types.js';

export const DEMO_PASSWORD = 'samrad-demo';

export const cooperation: TDemoCooperation = {
  name: 'ROR-IKT',
  shortName: 'ROR-IKT',
  host: 'molde',
  // ASSUMPTION: the seeds do not give the founding date; the 2018 protocol shows it existed well before.
  founded: '2009-01-01',
};

export const municipalities: TDemoMunicipality[] = [
  // ASSUMPTION: the original members' joining date is not in the seeds; taken as the founding date.
  { key: 'molde', name: 'Molde', number: '1506', joined: '2009-01-01' },
  { key: 'aukra', name: 'Aukra', number: '1547', joined: '2009-01-01' },
  { key: 'rauma', name: 'Rauma', number: '1539', joined: '2009-01-01' },
  { key: 'vestnes', name: 'Vestnes', number: '1535', joined: '2009-01-01' },
  // Midsund merged into Molde on 1.1.2020; it sits in the 2018 protocol, so it keeps its history here.
  { key: 'midsund', name: 'Midsund', number: '1545', joined: '2009-01-01', left: '2019-12-31' },
  // Hustadvika joined on 1.1.2023 (DOMAIN.md; seed 000 reports on its entry into the cooperation).
  { key: 'hustadvika', name: 'Hustadvika', number: '1579', joined: '2023-01-01' },
];

export const bodies: TDemoBody[] = [
  {
    key: 'styret', name: 'Styret for ROR-IKT', kind: 'styre',
    caseNumbering: 'running', casePrefix: 'ST', active: false,
  },
  {
    key: 'samarbeidsradet', name: 'Samarbeidsrådet for ROR-IKT', kind: 'rad',
    caseNumbering: 'meeting', active: true,
  },
];

export const people: TDemoPerson[] = [
  // ROR-IKT's administration. Titles as the papers write them.
  { key: 'gjortz', givenName: 'Fred', familyName: 'Gjørtz', email: 'fred.gjortz@demo.samrad.no', title: 'Leder ROR-IKT', municipality: 'molde' },
  { key: 'spilling', givenName: 'Thormod', familyName: 'Spilling', email: 'thormod.spilling@demo.samrad.no', title: 'Avdelingsleder Tjenesteutvikling ROR-IKT', municipality: 'molde' },
  // ASSUMPTION: her title; seed 003 has her taking the minutes and seed 000 presenting the information cases.
  { key: 'kristengard', givenName: 'Mette Kristin', familyName: 'Kristengård', email: 'mette.kristin.kristengard@demo.samrad.no', title: 'Rådgiver Tjenesteutvikling ROR-IKT', municipality: 'molde' },
  // ASSUMPTION: her title; seed 000 only lists her as a presenter of 2023/M6-004.
  { key: 'mathisen', givenName: 'Elisabeth Sande', familyName: 'Mathisen', email: 'elisabeth.sande.mathisen@demo.samrad.no', title: 'Rådgiver ROR-IKT', municipality: 'molde' },

  // Samarbeidsrådet 2024 (seed 003). ASSUMPTION for every municipality below: the seeds list the names
  // without whom they represent; each member municipality is given at least one seat.
  { key: 'aasen', givenName: 'Marianne Stokkereit', familyName: 'Aasen', email: 'marianne.stokkereit.aasen@demo.samrad.no', municipality: 'molde' },
  { key: 'ersvik', givenName: 'Per Sverre', familyName: 'Ersvik', email: 'per.sverre.ersvik@demo.samrad.no', municipality: 'hustadvika' },
  { key: 'skalhavn', givenName: 'Kristian', familyName: 'Skålhavn', email: 'kristian.skalhavn@demo.samrad.no', municipality: 'rauma' },
  { key: 'langoy', givenName: 'Gerd Marit', familyName: 'Langøy', email: 'gerd.marit.langoy@demo.samrad.no', municipality: 'aukra' },
  { key: 'ulvestad', givenName: 'Perry Helge', familyName: 'Ulvestad', email: 'perry.helge.ulvestad@demo.samrad.no', municipality: 'vestnes' },
  { key: 'myhre', givenName: 'Randi', familyName: 'Myhre', email: 'randi.myhre@demo.samrad.no', municipality: 'hustadvika' },
  { key: 'skjolberg', givenName: 'Hege-Beate', familyName: 'Skjølberg', email: 'hege-beate.skjolberg@demo.samrad.no', municipality: 'molde' },

  // Styret 2018 (seed 001, the protocol of 03.10.2018): municipalities as the protocol gives them.
  { key: 'hovdenak', givenName: 'Toril', familyName: 'Hovdenak', email: 'toril.hovdenak@demo.samrad.no', municipality: 'rauma' },
  { key: 'rimstad', givenName: 'Ingrid Husøy', familyName: 'Rimstad', email: 'ingrid.husoy.rimstad@demo.samrad.no', municipality: 'aukra' },
  { key: 'dahl', givenName: 'Arne Sverre', familyName: 'Dahl', email: 'arne.sverre.dahl@demo.samrad.no', municipality: 'molde' },
  { key: 'roaldsnes', givenName: 'Tone', familyName: 'Roaldsnes', email: 'tone.roaldsnes@demo.samrad.no', municipality: 'vestnes' },
  { key: 'ugelvik', givenName: 'Ketil', familyName: 'Ugelvik', email: 'ketil.ugelvik@demo.samrad.no', municipality: 'midsund' },
  { key: 'holand', givenName: 'Mette J.', familyName: 'Holand', email: 'mette.j.holand@demo.samrad.no', title: 'Personal- og organisasjonssjef Molde kommune', municipality: 'molde' },
];

export const bodyMembers: TDemoBodyMember[] = [
  // Styret, as it met on 03.10.2018. ASSUMPTION: the periods; the board ended when the council took over in 2023.
  { body: 'styret', person: 'hovdenak', role: 'medlem', municipality: 'rauma', from: '2016-01-01', to: '2022-12-31' },
  { body: 'styret', person: 'rimstad', role: 'medlem', municipality: 'aukra', from: '2016-01-01', to: '2022-12-31' },
  { body: 'styret', person: 'dahl', role: 'medlem', municipality: 'molde', from: '2016-01-01', to: '2022-12-31' },
  { body: 'styret', person: 'roaldsnes', role: 'medlem', municipality: 'vestnes', from: '2016-01-01', to: '2022-12-31' },
  { body: 'styret', person: 'ugelvik', role: 'medlem', municipality: 'midsund', from: '2016-01-01', to: '2019-12-31' },
  { body: 'styret', person: 'holand', role: 'observator', municipality: 'molde', from: '2016-01-01', to: '2022-12-31' },
  { body: 'styret', person: 'gjortz', role: 'sekretar', from: '2016-01-01', to: '2022-12-31' },

  // Samarbeidsrådet from 2023. ASSUMPTION: Aasen chairs it (she presents the approval cases in seed 000,
  // which the chair usually does); the other roles and all municipalities are assumptions as noted above.
  { body: 'samarbeidsradet', person: 'aasen', role: 'leder', municipality: 'molde', from: '2023-01-01' },
  { body: 'samarbeidsradet', person: 'ersvik', role: 'nestleder', municipality: 'hustadvika', from: '2023-01-01' },
  { body: 'samarbeidsradet', person: 'skalhavn', role: 'medlem', municipality: 'rauma', from: '2023-01-01' },
  { body: 'samarbeidsradet', person: 'langoy', role: 'medlem', municipality: 'aukra', from: '2023-01-01' },
  { body: 'samarbeidsradet', person: 'ulvestad', role: 'medlem', municipality: 'vestnes', from: '2023-01-01' },
  { body: 'samarbeidsradet', person: 'myhre', role: 'medlem', municipality: 'hustadvika', from: '2023-01-01' },
  { body: 'samarbeidsradet', person: 'skjolberg', role: 'medlem', municipality: 'molde', from: '2023-01-01' },
  { body: 'samarbeidsradet', person: 'gjortz', role: 'sekretar', from: '2023-01-01' },
];

/** The demo's sign-in accounts, all with DEMO_PASSWORD. Only the demo creates them. */
export const accounts: TDemoAccount[] = [
  { email: 'admin@demo.samrad.no', name: 'Demo Administrator', role: 'admin' },
  { email: 'leder@demo.samrad.no', name: 'Fred Gjørtz', role: 'staff', person: 'gjortz', municipality: 'molde' },
  { email: 'rad@demo.samrad.no', name: 'Marianne Stokkereit Aasen', role: 'council', person: 'aasen', municipality: 'molde' },
  { email: 'ansatt@molde.demo.samrad.no', name: 'Ansatt i Molde kommune', role: 'municipality', municipality: 'molde' },
];
