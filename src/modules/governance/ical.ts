// The calendar invitation sent with a notice, written by hand to RFC 5545: one VEVENT with the meeting's
// Europe/Oslo wall-clock times (TZID plus a VTIMEZONE, so calendars place it right across daylight
// saving), METHOD:REQUEST, and a stable UID whose SEQUENCE grows with each notice version so a changed
// notice updates the event instead of adding another.

export type TMeetingInvite = {
  uid: string;
  /** Notice version, 1 for the first send. */
  version: number;
  summary: string;
  description: string;
  location: string;
  /** ISO date and "HH:MM" local times in Europe/Oslo; without a start time the event is the whole day. */
  date: string;
  startTime: string | null;
  endTime: string | null;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
  /** When the invitation was made (DTSTAMP). */
  now: Date;
};

const OSLO_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

// Every value written into the file goes through one of the three writers below, so no text from the
// data (a name, a place, a case title) can end a line and start a property of its own (`URL:`,
// `ATTENDEE:`): RFC 5545 allows no control character but HTAB in a value (3.1, 3.3.11).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11); no other control character. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,')
    .replace(/\r\n?|\n|[\u000b\u000c\u0085\u2028\u2029]/g, '\\n').replace(CONTROLS, '');
}

/** A parameter value (CN): quoted, without DQUOTE or any control character, on one line (3.2). */
const paramText = (s: string) => `"${s.replace(/"/g, "'").replace(/[\r\n\u0085\u2028\u2029]+/g, ' ').replace(CONTROLS, '')}"`;

/** A mailto: address: no whitespace or control character can be part of it. */
const mailto = (email: string) => `mailto:${email.replace(/[\s\u0000-\u001f\u007f]/g, '')}`;

/** Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character (3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const localDateTime = (date: string, time: string) => `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function buildMeetingInvite(invite: TMeetingInvite): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//samrad//Samrad møteinnkalling//NB',
    'CALSCALE:GREGORIAN',
    'METHOD:REQUEST',
    ...OSLO_TIMEZONE,
    'BEGIN:VEVENT',
    `UID:${escapeText(invite.uid)}`,
    `SEQUENCE:${Math.max(0, invite.version - 1)}`,
    `DTSTAMP:${utcStamp(invite.now)}`,
    ...(invite.startTime === null ? [
      // A day without a known time is a DATE value (RFC 5545 3.6.1): calendars show it as all-day, not at 00:00.
      `DTSTART;VALUE=DATE:${invite.date.replace(/-/g, '')}`,
      'DURATION:P1D',
    ] : [
      `DTSTART;TZID=Europe/Oslo:${localDateTime(invite.date, invite.startTime)}`,
      invite.endTime ? `DTEND;TZID=Europe/Oslo:${localDateTime(invite.date, invite.endTime)}` : 'DURATION:PT2H',
    ]),
    `SUMMARY:${escapeText(invite.summary)}`,
    `LOCATION:${escapeText(invite.location)}`,
    `DESCRIPTION:${escapeText(invite.description)}`,
    'STATUS:CONFIRMED',
    `ORGANIZER;CN=${paramText(invite.organizer.name)}:${mailto(invite.organizer.email)}`,
    ...invite.attendees.map((a) => `ATTENDEE;CN=${paramText(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(a.email)}`),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** "samrad <noreply@samrad.local>" → { name: "samrad", email: "noreply@samrad.local" } */
export function parseMailbox(from: string): { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  if (m) return { name: m[1] || m[2]!, email: m[2]! };
  return { name: from.trim(), email: from.trim() };
}
