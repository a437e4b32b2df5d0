// The set-up page's catalogue: bokmål first, English with the same keys. Read with useSetupT(),
// which also reads the app's shared messages.
import { defineCatalogue, useT, type TFeatureT, type TKeyOf } from '../../i18n';

const setupNb = {
  'setup.heading': 'Sett opp samrad',
  'setup.intro': 'Opprett den første administratoren og samarbeidet denne installasjonen skal drive. Lenken virker én gang.',
  'setup.noToken': 'Lenken mangler oppsettnøkkelen. Bruk hele lenken fra serverloggen, eller opprett en administrator med npm run admin -- create <e-post>.',
  'setup.adminLegend': 'Administrator',
  'setup.adminName': 'Fullt navn',
  'setup.adminEmail': 'E-post',
  'setup.adminPassword': 'Passord',
  'setup.adminPasswordHint': 'Minst 10 tegn, og ikke et vanlig passord. Gjerne flere ord som ikke hører sammen.',
  'setup.cooperationLegend': 'Samarbeidet',
  'setup.cooperationName': 'Navn på samarbeidet',
  'setup.shortName': 'Kortnavn',
  'setup.shortNameHint': 'Brukes i rapporter og filnavn, f.eks. ROR-IKT.',
  'setup.organisationNumber': 'Organisasjonsnummer',
  'setup.organisationNumberHint': 'Ni sifre.',
  'setup.hostMunicipalityName': 'Vertskommune',
  'setup.hostMunicipalityNumber': 'Vertskommunens kommunenummer',
  'setup.hostMunicipalityNumberHint': 'Fire sifre (valgfritt).',
  'setup.founded': 'Etablert',
  'setup.submit': 'Opprett administrator og samarbeid',
};

export const setupMessages = defineCatalogue(setupNb, {
  'setup.heading': 'Set up samrad',
  'setup.intro': 'Create the first admin and the cooperation this install will run. The link works once.',
  'setup.noToken': 'The link lacks its set-up key. Use the whole link from the server log, or create an admin with npm run admin -- create <email>.',
  'setup.adminLegend': 'Admin',
  'setup.adminName': 'Full name',
  'setup.adminEmail': 'Email',
  'setup.adminPassword': 'Password',
  'setup.adminPasswordHint': 'At least 10 characters, and not a common password. Several unrelated words work well.',
  'setup.cooperationLegend': 'The cooperation',
  'setup.cooperationName': 'Name of the cooperation',
  'setup.shortName': 'Short name',
  'setup.shortNameHint': 'Used in reports and file names, e.g. ROR-IKT.',
  'setup.organisationNumber': 'Organisation number',
  'setup.organisationNumberHint': 'Nine digits.',
  'setup.hostMunicipalityName': 'Host municipality',
  'setup.hostMunicipalityNumber': 'Host municipality number',
  'setup.hostMunicipalityNumberHint': 'Four digits (optional).',
  'setup.founded': 'Founded',
  'setup.submit': 'Create admin and cooperation',
});

export type TSetupKey = TKeyOf<typeof setupMessages>;
export type TSetupT = TFeatureT<typeof setupMessages>;

export const useSetupT = (): TSetupT => useT(setupMessages);
