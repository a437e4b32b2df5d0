// Searching cases and decisions (the search page and the public search): bokmål first, English with the same keys. Read with useSearchT(),
// which also reads the app's shared messages.
import { featureCatalogue } from '../../i18n';

const searchNb = {
  'search.heading': "Søk i saker og vedtak",
  'search.allTypes': "Alle sakstyper",
  'search.municipality': "Kommune",
  'search.allMunicipalities': "Alle kommuner",
  'search.query': 'Søkeord',
  'search.submit': 'Søk',
  'search.hits': '{count} treff',
  'search.noMeeting': 'Ikke behandlet i et møte',
};

export const { messages: searchMessages, useT: useSearchT } = featureCatalogue(searchNb, {
  'search.heading': "Search cases and decisions",
  'search.allTypes': "All case types",
  'search.municipality': "Municipality",
  'search.allMunicipalities': "All municipalities",
  'search.query': 'Search terms',
  'search.submit': 'Search',
  'search.hits': 'Results: {count}',
  'search.noMeeting': 'Not treated in a meeting',
});
