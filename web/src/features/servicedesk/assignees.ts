// Whom a ticket can go to, as choices for a select: every agent, or, once a team is chosen, that team's
// members (as help-desk tools do). The current choice always stays in the list, so a select never holds
// a value it has no option for (a colleague who has left, or one outside the chosen team).
import type { TAgent } from './types';

export type TAssigneeOptions = { teamId?: string; keep?: string[]; me: { id: string; name: string } | null; inactiveLabel: string };

export function assigneeOptions(agents: TAgent[], options: TAssigneeOptions): { value: string; label: string }[] {
  const pool = options.teamId ? agents.filter((a) => a.teamIds.includes(options.teamId!)) : agents;
  const result = new Map<string, string>(pool.map((a) => [a.id, a.name]));
  // While the list loads (or if it fails) one can still take the ticket oneself.
  if (agents.length === 0 && options.me) result.set(options.me.id, options.me.name);
  for (const id of options.keep ?? []) {
    if (!id || result.has(id)) continue;
    result.set(id, agents.find((a) => a.id === id)?.name ?? (id === options.me?.id ? options.me.name : options.inactiveLabel));
  }
  return [...result].map(([value, label]) => ({ value, label }));
}

/** The one team an agent belongs to, if exactly one: picking the agent may bring it along. */
export function onlyTeamOf(agents: TAgent[], agentId: string): string | null {
  const teamIds = agents.find((a) => a.id === agentId)?.teamIds ?? [];
  return teamIds.length === 1 ? teamIds[0]! : null;
}
