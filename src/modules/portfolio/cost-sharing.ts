// Cost sharing for the innovation pipeline (seed 003, M2-006; decision 0035): how the council splits
// what a proposal costs between the municipalities that take it into use, and how a municipality that
// joins later pays its way in so the first movers do not carry the whole bill. Pure functions on integer
// øre; every split is one largest-remainder rounding over exact integer weights, so the parts always
// sum to the total to the øre.

export type TCostParticipant = { id: string; name: string };

/** The basis of the split. Percentages are whole percent points; populations are SSB's inhabitants. */
export type TCostModel =
  | { kind: 'key'; shareMillionths: Record<string, number> }
  | { kind: 'population'; inhabitants: Record<string, number> }
  | { kind: 'fixedPlusPopulation'; fixedPercent: number; inhabitants: Record<string, number> }
  | { kind: 'equal' };

export type TCostShare = { id: string; name: string; amountOre: number };

export class CostSharingError extends Error {
  constructor(message: string, readonly path?: string) { super(message); }
}

/** The rounding unit: whole kroner. A total must be whole kroner too. */
export const COST_UNIT_ORE = 100;

/**
 * Largest remainder over arbitrary non-negative integer weights (bigint, so populations times
 * percentages never lose precision). Whole units of each exact quota first; the units left go one each to
 * the largest remainders, ties to the larger weight and then by name, so input order never matters.
 */
export function splitByWeights(totalOre: number, parts: (TCostParticipant & { weight: bigint })[], unitOre = COST_UNIT_ORE): TCostShare[] {
  if (!parts.length) throw new CostSharingError('Ingen kommuner å fordele på', 'municipalityIds');
  if (!Number.isSafeInteger(totalOre) || totalOre < 0 || totalOre % unitOre !== 0) {
    throw new CostSharingError(`Beløpet må være et helt, ikke-negativt antall av ${unitOre / 100} kr`, 'totalOre');
  }
  if (parts.some((p) => p.weight < 0n)) throw new CostSharingError('Vektene kan ikke være negative');
  const weightSum = parts.reduce((s, p) => s + p.weight, 0n);
  if (weightSum === 0n) throw new CostSharingError('Fordelingsgrunnlaget summerer til null');
  const units = BigInt(totalOre / unitOre);
  const quotas = parts.map((p) => ({ ...p, units: (units * p.weight) / weightSum, rest: (units * p.weight) % weightSum }));
  let left = units - quotas.reduce((s, q) => s + q.units, 0n);
  const byRemainder = [...quotas].sort((a, b) =>
    (a.rest === b.rest ? 0 : a.rest > b.rest ? -1 : 1)
    || (a.weight === b.weight ? 0 : a.weight > b.weight ? -1 : 1)
    || a.name.localeCompare(b.name, 'nb'));
  for (const q of byRemainder) {
    if (left === 0n) break;
    q.units += 1n;
    left -= 1n;
  }
  return quotas.map((q) => ({ id: q.id, name: q.name, amountOre: Number(q.units) * unitOre }));
}

function figure(table: Record<string, number>, p: TCostParticipant, what: string, path: string): bigint {
  const value = table[p.id];
  if (value === undefined || !Number.isSafeInteger(value) || value < 0) throw new CostSharingError(`${what} mangler for ${p.name}`, path);
  return BigInt(value);
}

/**
 * The exact weight of each participant under a model. Fixed plus population is one weight, not two
 * splits added: with f = fixedPercent, n participants and P inhabitants in all, a member's exact part is
 * total × (f/100 × 1/n + (1 − f/100) × pᵢ/P); multiplied by 100·n·P that is f·P + (100 − f)·n·pᵢ, an
 * integer. Rounding once keeps the sum exact, where rounding the two parts apart could miss by a krone.
 */
export function weightsOf(model: TCostModel, participants: TCostParticipant[]): (TCostParticipant & { weight: bigint })[] {
  switch (model.kind) {
    case 'equal':
      return participants.map((p) => ({ ...p, weight: 1n }));
    case 'key':
      // The cooperation's key covers every member; among the participants it is used as it stands,
      // which scales it to those who take part.
      return participants.map((p) => ({ ...p, weight: figure(model.shareMillionths, p, 'Andel i fordelingsnøkkelen', 'keyYear') }));
    case 'population':
      return participants.map((p) => ({ ...p, weight: figure(model.inhabitants, p, 'Innbyggertall', 'populationYear') }));
    case 'fixedPlusPopulation': {
      const f = model.fixedPercent;
      if (!Number.isInteger(f) || f < 0 || f > 100) throw new CostSharingError('Fast del må være et helt prosenttall 0–100', 'fixedPercent');
      const pops = participants.map((p) => figure(model.inhabitants, p, 'Innbyggertall', 'populationYear'));
      const total = pops.reduce((s, v) => s + v, 0n);
      const n = BigInt(participants.length);
      return participants.map((p, i) => ({ ...p, weight: BigInt(f) * total + BigInt(100 - f) * n * pops[i]! }));
    }
  }
}

/** The split of `totalOre` between `participants` under `model`. */
export function splitCost(totalOre: number, model: TCostModel, participants: TCostParticipant[]): TCostShare[] {
  const ids = new Set(participants.map((p) => p.id));
  if (ids.size !== participants.length) throw new CostSharingError('Samme kommune er oppgitt flere ganger', 'municipalityIds');
  return splitByWeights(totalOre, weightsOf(model, participants));
}

// ── The late-joiner model ─────────────────────────────────────────────────────────────────────────

export type TCostEvent =
  | { kind: 'join'; date: string; participant: TCostParticipant; /** Fixed by the council; otherwise computed. */ entryAmountOre?: number | null }
  | { kind: 'leave'; date: string; participantId: string };

export type TCostPosition = { id: string; name: string; paidOre: number; creditedOre: number; netOre: number; active: boolean };

export type TCostStep = {
  kind: 'decision' | 'join' | 'leave';
  date: string;
  municipalityId: string | null;
  /** What the joiner pays in (join only). */
  entryAmountOre: number | null;
  /** What each earlier payer gets back from the entry amount (join only). */
  credits: TCostShare[];
  /** Everyone's position after this step; the nets always sum to the total. */
  positions: TCostPosition[];
};

/**
 * The split at the decision followed by each join and leave in date order. A joiner pays an entry amount:
 * the council's, or else what the joiner would pay had it been in from the start, i.e. its part of the
 * total under the same model among everyone active after it joins. The entry amount is credited to the
 * municipalities still taking part before the join, by what each has paid net so far (largest remainder
 * again), so the credits sum to it exactly and the nets keep summing to the total. A municipality that
 * leaves keeps its history but receives no credit from later joiners; nothing is paid back to it.
 */
export function costHistory(options: {
  totalOre: number; model: TCostModel; decidedOn: string; participants: TCostParticipant[]; events: TCostEvent[];
}): TCostStep[] {
  const { totalOre, model } = options;
  const positions = new Map<string, TCostPosition>();
  for (const s of splitCost(totalOre, model, options.participants)) {
    positions.set(s.id, { id: s.id, name: s.name, paidOre: s.amountOre, creditedOre: 0, netOre: s.amountOre, active: true });
  }
  const snapshot = () => [...positions.values()].map((p) => ({ ...p }));
  const steps: TCostStep[] = [{ kind: 'decision', date: options.decidedOn, municipalityId: null, entryAmountOre: null, credits: [], positions: snapshot() }];
  const events = [...options.events].sort((a, b) => a.date.localeCompare(b.date));
  for (const e of events) {
    if (e.date < options.decidedOn) throw new CostSharingError('En endring kan ikke være datert før vedtaket', 'date');
    if (e.kind === 'leave') {
      const p = positions.get(e.participantId);
      if (!p || !p.active) throw new CostSharingError('Kommunen er ikke med i fordelingen', 'municipalityId');
      p.active = false;
      steps.push({ kind: 'leave', date: e.date, municipalityId: p.id, entryAmountOre: null, credits: [], positions: snapshot() });
      continue;
    }
    const existing = positions.get(e.participant.id);
    if (existing?.active) throw new CostSharingError(`${e.participant.name} er alt med i fordelingen`, 'municipalityId');
    const earlier = [...positions.values()].filter((p) => p.active && p.netOre > 0);
    if (!earlier.length) throw new CostSharingError('Ingen tidligere betalere å kreditere', 'municipalityId');
    const everyone = [...positions.values()].filter((p) => p.active).map(({ id, name }) => ({ id, name })).concat(e.participant);
    const entry = e.entryAmountOre ?? splitCost(totalOre, model, everyone).find((s) => s.id === e.participant.id)!.amountOre;
    const netSoFar = earlier.reduce((s, p) => s + p.netOre, 0);
    if (entry > netSoFar) throw new CostSharingError('Inngangsbeløpet kan ikke være større enn det de tidligere har betalt', 'entryAmountOre');
    const credits = splitByWeights(entry, earlier.map((p) => ({ id: p.id, name: p.name, weight: BigInt(p.netOre) })));
    for (const c of credits) {
      const p = positions.get(c.id)!;
      p.creditedOre += c.amountOre;
      p.netOre -= c.amountOre;
    }
    // A municipality that left and comes back pays in anew on top of what it paid before.
    const back = existing ?? { id: e.participant.id, name: e.participant.name, paidOre: 0, creditedOre: 0, netOre: 0, active: true };
    back.paidOre += entry;
    back.netOre += entry;
    back.active = true;
    positions.set(back.id, back);
    steps.push({ kind: 'join', date: e.date, municipalityId: back.id, entryAmountOre: entry, credits, positions: snapshot() });
  }
  return steps;
}
