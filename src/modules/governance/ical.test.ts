import { describe, expect, it } from 'vitest';
import { buildMeetingInvite, escapeText, foldLine, parseMailbox } from './ical.js';

const invite = {
  uid: 'meeting-1@samrad',
  version: 2,
  summary: 'Samarbeidsrådet for ROR-IKT, møte 2023/M6',
  description: 'Saksliste:\n2023/M6-001 Godkjenning av innkalling og saksliste; m.m.',
  location: 'Del (Storgata 33, 3. etg)',
  date: '2023-12-13',
  startTime: '08:15',
  endTime: '11:00',
  organizer: { name: 'samrad', email: 'noreply@samrad.local' },
  attendees: [{ name: 'Aasen, Marianne Stokkereit', email: 'marianne@example.no' }],
  now: new Date('2023-12-01T10:00:00Z'),
};

describe('buildMeetingInvite', () => {
  it('writes a METHOD:REQUEST event in Europe/Oslo local time with a growing SEQUENCE', () => {
    const ics = buildMeetingInvite(invite);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(unfolded).toContain('METHOD:REQUEST');
    expect(unfolded).toContain('TZID:Europe/Oslo');
    expect(unfolded).toContain('DTSTART;TZID=Europe/Oslo:20231213T081500');
    expect(unfolded).toContain('DTEND;TZID=Europe/Oslo:20231213T110000');
    expect(unfolded).toContain('DTSTAMP:20231201T100000Z');
    expect(unfolded).toContain('SEQUENCE:1');
    expect(unfolded).toContain('UID:meeting-1@samrad');
    expect(unfolded).toContain('LOCATION:Del (Storgata 33\\, 3. etg)');
    expect(unfolded).toContain('DESCRIPTION:Saksliste:\\n2023/M6-001 Godkjenning av innkalling og saksliste\\; m.m.');
    expect(unfolded).toContain('ATTENDEE;CN="Aasen, Marianne Stokkereit";ROLE=REQ-PARTICIPANT');
  });

  it('uses a two-hour duration when the meeting has no end time', () => {
    expect(buildMeetingInvite({ ...invite, endTime: null })).toContain('DURATION:PT2H');
  });

  it('escapes text and folds long lines without splitting a Norwegian letter', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine('SUMMARY:' + 'æøå'.repeat(40));
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe('SUMMARY:' + 'æøå'.repeat(40));
  });

  it('lets no name, place or text start a line of its own: each unfolded line is one property of the event', () => {
    const hostile = '\r\nURL:https://evil.example\r\nATTENDEE:mailto:evil@example.no\nX-INJ:1\rX-CR:1\u000bX-VT:1\u0000';
    const ics = buildMeetingInvite({
      ...invite,
      summary: `Rådet${hostile}`,
      location: `Molde; rom 1, 2. etg \\ ${hostile}`,
      description: `Saksliste:${hostile}`,
      organizer: { name: `samrad${hostile}`, email: 'noreply@samrad.local\r\nURL:x' },
      attendees: [{ name: `Aasen, "Marianne"${hostile}`, email: `marianne@example.no${hostile}` }],
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    const physical = ics.slice(0, -2).split('\r\n');
    // Only CRLF ends a line; no bare CR or LF, no control character but tab, no line past 75 octets.
    for (const line of physical) {
      expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
    const lines = ics.replace(/\r\n[ \t]/g, '').slice(0, -2).split('\r\n');
    const names = lines.map((l) => /^([A-Z-]+)[;:]/.exec(l)?.[1]);
    expect(names.every(Boolean)).toBe(true);
    const event = names.slice(lines.indexOf('BEGIN:VEVENT') + 1, lines.indexOf('END:VEVENT'));
    expect(event).toEqual([
      'UID', 'SEQUENCE', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'LOCATION', 'DESCRIPTION', 'STATUS', 'ORGANIZER', 'ATTENDEE',
    ]);
    const value = (name: string) => lines.find((l) => l.startsWith(name))!;
    expect(value('LOCATION:')).toBe('LOCATION:Molde\\; rom 1\\, 2. etg \\\\ \\nURL:https://evil.example\\nATTENDEE:mailto:evil@example.no\\nX-INJ:1\\nX-CR:1\\nX-VT:1');
    expect(value('ATTENDEE')).toBe(
      'ATTENDEE;CN="Aasen, \'Marianne\' URL:https://evil.example ATTENDEE:mailto:evil@example.no X-INJ:1 X-CR:1X-VT:1"'
      + ';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:marianne@example.noURL:https://evil.exampleATTENDEE:mailto:evil@example.noX-INJ:1X-CR:1X-VT:1',
    );
    expect(value('ORGANIZER')).toMatch(/^ORGANIZER;CN="samrad [^"]*":mailto:noreply@samrad.localURL:x$/);
  });

  it('reads the organizer from MAIL_FROM', () => {
    expect(parseMailbox('samrad <noreply@samrad.local>')).toEqual({ name: 'samrad', email: 'noreply@samrad.local' });
    expect(parseMailbox('post@ror-ikt.no')).toEqual({ name: 'post@ror-ikt.no', email: 'post@ror-ikt.no' });
  });

  it('makes a meeting without a known time an all-day event, not one at midnight', () => {
    const unfolded = buildMeetingInvite({ ...invite, startTime: null, endTime: null }).replace(/\r\n /g, '');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20231213\r\nDURATION:P1D');
    expect(unfolded).not.toContain('T000000');
    expect(unfolded).not.toContain('DTEND');
  });
});
