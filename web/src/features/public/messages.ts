// The public pages' catalogue: bokmål first, English with the same keys. Read with usePublicT(),
// which also reads the app's shared messages.
import { featureCatalogue } from '../../i18n';

const publicNb = {
  'public.heading': 'Offentlige møtedokumenter',
  'public.intro': 'Her finner du innkallinger, sakslister og referater fra møtene som er publisert. Saker unntatt offentlighet vises med nummer, offentlig tittel og hjemmel.',
  'public.meetingsHeading': 'Publiserte møter',
  'public.noMeetings': 'Ingen møter er publisert ennå.',
  'public.backToList': 'Tilbake til publiserte møter',
  'public.reportsHeading': 'Publiserte rapporter',
  'public.noReports': 'Ingen rapporter er publisert ennå.',
  'public.reportApproved': 'godkjent {date}',
  'public.stage.kommende': 'Kommende',
  'public.stage.avholdt': 'Avholdt',
  'public.stage.godkjent': 'Referat godkjent',
  'public.agendaWithheld': 'Sakslisten og sakspapirene blir offentlige når innkallingen er sendt.',
  'public.minutesWithheld': 'Vedtak, behandling og oppmøte blir offentlige når møtereferatet er godkjent.',
};

export const { messages: publicMessages, useT: usePublicT } = featureCatalogue(publicNb, {
  'public.heading': 'Public meeting papers',
  'public.intro': 'Notices, agendas and minutes of published meetings. Cases exempt from public access are shown with their number, public title and legal basis.',
  'public.meetingsHeading': 'Published meetings',
  'public.noMeetings': 'No meetings have been published yet.',
  'public.backToList': 'Back to published meetings',
  'public.reportsHeading': 'Published reports',
  'public.noReports': 'No reports have been published yet.',
  'public.reportApproved': 'approved {date}',
  'public.stage.kommende': 'Upcoming',
  'public.stage.avholdt': 'Held',
  'public.stage.godkjent': 'Minutes approved',
  'public.agendaWithheld': 'The agenda and case papers become public when the notice has been sent.',
  'public.minutesWithheld': 'Decisions, proceedings and attendance become public when the minutes have been approved.',
});
