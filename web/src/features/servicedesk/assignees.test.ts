import { describe, expect, it } from 'vitest';
import { assigneeOptions, onlyTeamOf } from './assignees';

const kari = { id: 'k', name: 'Kari', email: 'kari@x.no', teamIds: ['drift'] };
const ola = { id: 'o', name: 'Ola', email: 'ola@x.no', teamIds: ['drift', 'fag'] };
const per = { id: 'p', name: 'Per', email: 'per@x.no', teamIds: [] };
const me = { id: 'p', name: 'Per' };
const base = { me, inactiveLabel: 'Ikke aktiv' };

describe('assignee choices', () => {
  it('lists every agent without a team, and only the team members with one', () => {
    expect(assigneeOptions([kari, ola, per], base).map((o) => o.label)).toEqual(['Kari', 'Ola', 'Per']);
    expect(assigneeOptions([kari, ola, per], { ...base, teamId: 'fag' }).map((o) => o.label)).toEqual(['Ola']);
  });

  it('keeps the current choice, naming a colleague who is no longer active as such', () => {
    expect(assigneeOptions([kari, ola, per], { ...base, teamId: 'fag', keep: ['k', 'gone', ''] }))
      .toEqual([{ value: 'o', label: 'Ola' }, { value: 'k', label: 'Kari' }, { value: 'gone', label: 'Ikke aktiv' }]);
  });

  it('offers oneself while the list is not there', () => {
    expect(assigneeOptions([], base)).toEqual([{ value: 'p', label: 'Per' }]);
  });

  it('brings a team along only when the agent has exactly one', () => {
    expect(onlyTeamOf([kari, ola, per], 'k')).toBe('drift');
    expect(onlyTeamOf([kari, ola, per], 'o')).toBeNull();
    expect(onlyTeamOf([kari, ola, per], 'p')).toBeNull();
    expect(onlyTeamOf([kari, ola, per], '')).toBeNull();
  });
});
