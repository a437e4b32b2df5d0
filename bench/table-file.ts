// Benchmark of uploaded table files next to everything else (issue 8): /healthz while the ledger preview
// reads a 1,000,000-row XLSX (refused at the row cap) and a 101 KB workbook bomb. Before decision 0017
// the workbook was loaded whole in the request: the million rows took 28 s and 2.1 GB and held /healthz
// for 16 s; the bomb froze the server 5 s and grew it by 470 MB. Prints /healthz p50/p95/max idle and
// while each file is read, the time to the answer and the RSS growth, and the verdict (/healthz p95
// while reading ≤ 3× its idle p95).
//
//   npx tsx bench/table-file.ts                                   # PGlite in a temporary directory
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/table-file.ts
//   BENCH_ROWS=500000 npx tsx bench/table-file.ts
import { buildLedgerWorkbook, buildWorkbookBomb } from '../src/lib/table-file/test-workbooks.js';
import { buildEconomyWorld, buildLine, PW } from '../src/modules/economy/test-factories.js';
import { setLogLevel } from '../src/server/logger.js';
import { machine, openBenchDatabase, signIn, startBenchServer, stats } from './support.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const LIMIT = 3;
const MB = 1024 * 1024;
const fmt = (ms: number) => ms.toFixed(1);

async function main() {
  setLogLevel('silent');
  const database = await openBenchDatabase();
  const world = await buildEconomyWorld(database.db);
  await buildLine(database.db, { cooperationId: world.cooperationId, name: 'Lønn', account: '10100' });
  const server = await startBenchServer(database.db);
  const cookie = await signIn(server.base, { email: 'staff@example.no', password: PW });
  const healthz = async () => {
    const started = performance.now();
    const res = await fetch(`${server.base}/healthz`);
    await res.arrayBuffer();
    return performance.now() - started;
  };
  /** /healthz, one request after the other, until `done` settles. */
  const pingUntil = async (done: Promise<unknown>) => {
    let finished = false;
    void done.finally(() => { finished = true; });
    const samples: number[] = [];
    while (!finished) samples.push(await healthz());
    return samples;
  };
  const upload = async (name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.set('file', new File([bytes as BlobPart], name));
    const started = performance.now();
    const res = await fetch(`${server.base}/api/economy/2023/ledger-imports/preview`, { method: 'POST', body: form, headers: { cookie, origin: server.base } });
    const body = await res.json() as { error?: { message: string } };
    return { status: res.status, ms: performance.now() - started, message: body.error?.message ?? 'read' };
  };

  for (let i = 0; i < 20; i++) await healthz();
  const idleSamples: number[] = [];
  for (let i = 0; i < 300; i++) idleSamples.push(await healthz());
  const idle = stats(idleSamples);
  console.log(`${machine()}`);
  console.log(`/healthz idle: p50 ${fmt(idle.p50)} ms, p95 ${fmt(idle.p95)} ms, max ${fmt(Math.max(...idleSamples))} ms (${idle.n} requests)`);

  let pass = true;
  const files: [string, () => Promise<Uint8Array>][] = [
    [`${ROWS.toLocaleString('en')}-row workbook`, () => buildLedgerWorkbook(ROWS)],
    ['workbook bomb (100 MB unpacked)', () => buildWorkbookBomb(100)],
  ];
  for (const [label, build] of files) {
    const bytes = await build();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, process.memoryUsage().rss); }, 20);
    const answer = upload('hovedbok.xlsx', bytes);
    const samples = await pingUntil(answer);
    const result = await answer;
    clearInterval(sampler);
    const load = stats(samples.length ? samples : [0]);
    const ok = load.p95 <= LIMIT * idle.p95 || samples.length < 20;
    pass &&= ok;
    console.log(`${label} (${(bytes.byteLength / MB).toFixed(1)} MB): ${result.status} in ${fmt(result.ms)} ms, RSS +${Math.round((rssPeak - rssBefore) / MB)} MB; «${result.message}»`);
    console.log(`  /healthz meanwhile: p50 ${fmt(load.p50)} ms, p95 ${fmt(load.p95)} ms, max ${fmt(Math.max(...samples, 0))} ms (${samples.length} requests); p95 ${fmt(load.p95 / idle.p95)}× idle ${ok ? '≤' : '>'} ${LIMIT}×`);
  }
  console.log(pass ? 'PASS' : 'FAIL');
  server.close();
  await database.cleanup();
  process.exit(pass ? 0 : 1);
}

void main();
