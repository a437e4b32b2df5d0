// The staff overview's catalogue: bokmål first, English with the same keys.
import { featureCatalogue } from '../../i18n';

const overviewNb = {
  'overview.heading': 'Oversikt',
  'overview.intro': 'Det som venter på deg og de andre ansatte nå.',
  'overview.meetings': 'Møter',
  'overview.toPrepare': 'Skal innkalles',
  'overview.toRecord': 'Møtedagen er passert: før oppmøte og vedtak',
  'overview.toApprove': 'Referat venter på godkjenning',
  'overview.noMeetings': 'Ingen møter venter på noe nå.',
  'overview.toMeetings': 'Alle møter',
  'overview.desk': 'Kundeservice',
  'overview.mine': '{count} åpne saker er tildelt deg',
  'overview.unassigned': '{count} åpne saker er ikke tildelt noen',
  'overview.breaching': '{count} saker har brutt eller nærmer seg fristen',
  'overview.reports': 'Rapporter',
  'overview.noReports': 'Ingen rapporter er under arbeid.',
  'overview.reportStatus': '{title} ({status})',
};

export const { messages: overviewMessages, useT: useOverviewT } = featureCatalogue(overviewNb, {
  'overview.heading': 'Overview',
  'overview.intro': 'What is waiting for you and the other staff now.',
  'overview.meetings': 'Meetings',
  'overview.toPrepare': 'To be called',
  'overview.toRecord': 'The meeting day has passed: record attendance and decisions',
  'overview.toApprove': 'Minutes waiting for approval',
  'overview.noMeetings': 'No meetings are waiting for anything now.',
  'overview.toMeetings': 'All meetings',
  'overview.desk': 'Service desk',
  'overview.mine': '{count} open cases are assigned to you',
  'overview.unassigned': '{count} open cases are assigned to nobody',
  'overview.breaching': '{count} cases have broken or are nearing their deadline',
  'overview.reports': 'Reports',
  'overview.noReports': 'No reports are being written.',
  'overview.reportStatus': '{title} ({status})',
});
