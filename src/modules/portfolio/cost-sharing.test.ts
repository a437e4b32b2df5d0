// The cost-sharing rules of decision 0035, with its worked example: 900 000 kr for Molde, Aukra and
// Rauma at 30 % equal and 70 % by inhabitants, and Vestnes joining a year later.
import { describe, expect, it } from 'vitest';
import { CostSharingError, costHistory, splitByWeights, splitCost, type TCostModel } from './cost-sharing.js';

const M = { id: 'm', name: 'Molde' };
const A = { id: 'a', name: 'Aukra' };
const R = { id: 'r', name: 'Rauma' };
const V = { id: 'v', name: 'Vestnes' };
const inhabitants = { m: 32_000, a: 3_600, r: 7_400, v: 6_800 };
const mixed: TCostModel = { kind: 'fixedPlusPopulation', fixedPercent: 30, inhabitants };
const kr = (n: number) => n * 100;
const amounts = (shares: { id: string; amountOre: number }[]) => Object.fromEntries(shares.map((s) => [s.id, s.amountOre / 100]));

describe('splitCost', () => {
  it('gives the worked example: 30 % equal, 70 % by inhabitants, one krone to the largest remainder', () => {
    // Exact parts 558 837,21 / 142 744,19 / 198 418,60: the floors leave one krone, which goes to Rauma (,60).
    expect(amounts(splitCost(kr(900_000), mixed, [M, A, R]))).toEqual({ m: 558_837, a: 142_744, r: 198_419 });
  });

  it('splits by population, by the key among those taking part, and equally', () => {
    expect(amounts(splitCost(kr(430_000), { kind: 'population', inhabitants }, [M, A, R]))).toEqual({ m: 320_000, a: 36_000, r: 74_000 });
    // Key 50 % / 10 % / 15 % of the whole cooperation: among these three it is 2/3, 2/15, 1/5.
    const key: TCostModel = { kind: 'key', shareMillionths: { m: 500_000, a: 100_000, r: 150_000, v: 250_000 } };
    expect(amounts(splitCost(kr(750_000), key, [M, A, R]))).toEqual({ m: 500_000, a: 100_000, r: 150_000 });
    // Equal remainders and weights: the krone left goes by name, Aukra first.
    expect(amounts(splitCost(kr(100), { kind: 'equal' }, [M, A, R]))).toEqual({ m: 33, a: 34, r: 33 });
  });

  it('always sums to the total exactly and does not depend on the order of the municipalities', () => {
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648; return seed % n; };
    for (let i = 0; i < 300; i++) {
      const people = [M, A, R, V].slice(0, 1 + rnd(4));
      const pops = Object.fromEntries(people.map((p) => [p.id, 1 + rnd(60_000)]));
      const model: TCostModel = { kind: 'fixedPlusPopulation', fixedPercent: rnd(101), inhabitants: pops };
      const total = kr(rnd(5_000_000));
      const split = splitCost(total, model, people);
      expect(split.reduce((s, x) => s + x.amountOre, 0)).toBe(total);
      expect(amounts(splitCost(total, model, [...people].reverse()))).toEqual(amounts(split));
    }
  });

  it('refuses what it cannot split', () => {
    expect(() => splitCost(kr(100) + 50, mixed, [M, A])).toThrow(CostSharingError);
    expect(() => splitCost(kr(100), mixed, [M, { id: 'x', name: 'Ukjent' }])).toThrow('Innbyggertall mangler for Ukjent');
    expect(() => splitCost(kr(100), { ...mixed, fixedPercent: 101 } as TCostModel, [M])).toThrow('Fast del');
    expect(() => splitCost(kr(100), mixed, [M, M])).toThrow('flere ganger');
    expect(() => splitByWeights(kr(100), [{ ...M, weight: 0n }])).toThrow('null');
  });
});

describe('costHistory (the late-joiner model)', () => {
  const decided = { totalOre: kr(900_000), model: mixed, decidedOn: '2024-02-14', participants: [M, A, R] };

  it('charges a joiner what it would have paid from the start and credits the first three by their shares', () => {
    const [first, join] = costHistory({ ...decided, events: [{ kind: 'join', date: '2025-02-12', participant: V }] });
    expect(amounts(first!.positions.map((p) => ({ id: p.id, amountOre: p.netOre })))).toEqual({ m: 558_837, a: 142_744, r: 198_419 });
    // Vestnes' part among four: 67 500 + 630 000 × 6 800 / 49 800 = 153 524,10.
    expect(join!.entryAmountOre).toBe(kr(153_524));
    expect(amounts(join!.credits)).toEqual({ m: 95_328, a: 24_349, r: 33_847 });
    expect(amounts(join!.positions.map((p) => ({ id: p.id, amountOre: p.netOre })))).toEqual({ m: 463_509, a: 118_395, r: 164_572, v: 153_524 });
    expect(join!.positions.reduce((s, p) => s + p.netOre, 0)).toBe(kr(900_000));
  });

  it('takes the council’s entry amount, leaves out those who left, and keeps the total at every step', () => {
    const steps = costHistory({
      ...decided,
      events: [
        { kind: 'join', date: '2026-01-01', participant: V, entryAmountOre: kr(100_000) },
        { kind: 'leave', date: '2025-06-30', participantId: 'a' },
      ],
    });
    expect(steps.map((s) => s.kind)).toEqual(['decision', 'leave', 'join']);
    const join = steps[2]!;
    expect(join.credits.map((c) => c.id).sort()).toEqual(['m', 'r']);
    expect(join.credits.reduce((s, c) => s + c.amountOre, 0)).toBe(kr(100_000));
    expect(join.positions.find((p) => p.id === 'a')).toMatchObject({ active: false, creditedOre: 0, netOre: kr(142_744) });
    for (const s of steps) expect(s.positions.reduce((sum, p) => sum + p.netOre, 0)).toBe(kr(900_000));
  });

  it('refuses a second join, an event before the decision and an entry above what was paid', () => {
    expect(() => costHistory({ ...decided, events: [{ kind: 'join', date: '2025-01-01', participant: M }] })).toThrow('alt med');
    expect(() => costHistory({ ...decided, events: [{ kind: 'join', date: '2023-01-01', participant: V }] })).toThrow('før vedtaket');
    expect(() => costHistory({ ...decided, events: [{ kind: 'join', date: '2025-01-01', participant: V, entryAmountOre: kr(900_001) }] })).toThrow('Inngangsbeløpet');
  });
});
