// The rules document through the form's draft and back: unchanged when nothing is edited, and the
// server's issue paths land on the fields the form names.
import { describe, expect, it } from 'vitest';
import { DEMO_POLICY, NEUTRAL_POLICY, ZPolicyDocument } from '../../../../src/modules/servicedesk/desk-rules';
import { fieldOfIssue, parseNumber, toDocument, toDraft } from './desk-rules-draft';

describe('desk rules draft', () => {
  it('gives back the document it was made from', () => {
    for (const doc of [DEMO_POLICY, NEUTRAL_POLICY]) {
      expect(ZPolicyDocument.parse(toDocument(toDraft(doc)))).toEqual(doc);
    }
  });

  it('keeps the portal text of a category taken out of the list', () => {
    const draft = toDraft(DEMO_POLICY);
    draft.categories = draft.categories.filter((row) => row.name !== 'Rådgiving');
    const doc = toDocument(draft);
    expect(doc.categories).not.toContain('Rådgiving');
    expect(doc.categoryGuide?.['Rådgiving']).toEqual(DEMO_POLICY.categoryGuide['Rådgiving']);
  });

  it('moves a renamed category\'s text with it and writes examples one per line', () => {
    const draft = toDraft(NEUTRAL_POLICY);
    draft.categories[0] = { ...draft.categories[0]!, name: 'Alt annet', description: 'Det som ikke passer andre steder', examples: 'Ett\n\n To \n' };
    expect(toDocument(draft).categoryGuide).toEqual({ 'Alt annet': { description: 'Det som ikke passer andre steder', examples: ['Ett', 'To'] } });
  });

  it('reads numbers with a Norwegian comma and sends what is not a number as NaN', () => {
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('to')).toBeNaN();
    const draft = toDraft(DEMO_POLICY);
    expect(draft.warnPercent).toBe('25');
    draft.warnPercent = '12,5';
    expect(toDocument(draft).warnShare).toBe(0.125);
  });

  it('names the form field of each server issue', () => {
    const draft = toDraft(DEMO_POLICY);
    expect(fieldOfIssue('document.targets.hoy.resolution.value', draft)).toBe('targets.hoy.resolution.value');
    expect(fieldOfIssue('document.categories.3', draft)).toBe('categories.3.name');
    expect(fieldOfIssue('document.categoryGuide.Rådgiving.description', draft)).toBe('categories.3.description');
    expect(fieldOfIssue('document.categoryGuide.Rådgiving.examples.1', draft)).toBe('categories.3.examples');
    expect(fieldOfIssue('document.calendars.kontortid.openingHours.2.close', draft)).toBe('calendars.0.openingHours.2.close');
    expect(fieldOfIssue('document.calendars.kontortid', draft)).toBe('calendars.0.openingHours');
    expect(fieldOfIssue('document.closeRule.days', draft)).toBe('closeDays');
    expect(fieldOfIssue('document.warnShare', draft)).toBe('warnPercent');
    expect(fieldOfIssue('document.channels', draft)).toBe('channels');
  });
});
