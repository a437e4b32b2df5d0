// The module boundaries (docs/decisions/0020, checked by dependency-cruiser with .dependency-cruiser.cjs):
// no import cycles, and no module reading another module's tables. There are no known exceptions: any
// violation in src fails the test.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

type TViolation = { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] };

function violations(target: string, exclude?: string): string[] {
  const args = ['depcruise', target, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...(exclude ? ['--exclude', exclude] : [])];
  let out: string;
  try {
    out = execFileSync('npx', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    // depcruise exits non-zero when it finds violations; the report is still on stdout.
    out = (err as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as { summary: { violations: TViolation[] } };
  return report.summary.violations.map((v) => (v.rule.name === 'no-cycles'
    ? `no-cycles: ${[v.from, ...(v.cycle ?? []).map((c) => c.name)].sort().join(' ')}`
    : `${v.rule.name}: ${v.from} -> ${v.to}`));
}

// It reads the sources, not the database: it runs on the embedded run only, as the page checks of the
// end-to-end tests do (docs/decisions/0025). On the PostgreSQL run it would only repeat ~25 s of CPU.
describe.skipIf(!!process.env.DATABASE_URL)('module boundaries', () => {
  it('fails on a deliberate cross-module table read and on a cycle (a fixture)', () => {
    const cycle = ['src/test/boundary-fixture/modules/alpha/cycle.ts', 'src/test/boundary-fixture/modules/alpha/cycle.ts',
      'src/test/boundary-fixture/modules/alpha/reads-beta.service.ts'];
    expect(violations('src/test/boundary-fixture').sort()).toEqual([
      `no-cycles: ${cycle.join(' ')}`,
      'no-foreign-tables: src/test/boundary-fixture/modules/alpha/reads-beta.service.ts -> src/test/boundary-fixture/modules/beta/schema.ts',
    ]);
  });

  it('finds no violation in src', () => {
    expect(violations('src', 'boundary-fixture')).toEqual([]);
  }, 120_000);
});
