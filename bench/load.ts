// Load test (issue 8): N simulated users of four kinds against samrad as `npm start` runs it (its own
// process, the background jobs included), on a throw-away database with the demo loaded, for a bounded
// time and number of requests, only to 127.0.0.1. Prints throughput, p50/p95/p99 and errors per request
// kind and overall, and the verdict against the targets: 0 errors and p99 ≤ 5 s on PGlite, 0 errors and
// p99 ≤ 1 s on a PostgreSQL server.
//
//   npx tsx bench/load.ts                                             # PGlite in a temporary directory
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/load.ts   # a fresh database, dropped after
//   LOAD_USERS=50 LOAD_SECONDS=30 npx tsx bench/load.ts                # a short run
//
// LOAD_USERS (200), LOAD_SECONDS (120), LOAD_THINK_MS (mean think time between a user's requests, 1500),
// LOAD_MAX_REQUESTS (the run stops there too; 100000), LOAD_TIMEOUT_MS (a request that takes longer is
// an error; 60000), SAMRAD_DEMO_SERVICEDESK (the demo's service-desk volume; `small` unless given, so the
// set-up takes ~1 minute rather than several), LOAD_SERVER_ENV (extra KEY=VALUE,… for the server, e.g.
// a gate setting to compare), LOAD_SAMPLES_FILE (every request's kind, start, time and status as JSON).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { demoVolume } from '../demo/servicedesk/load.js';
import { readEnv } from '../src/server/env.js';
import { machine, openBenchDatabase, stats } from './support.js';

const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 120);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 1500);
const MAX_REQUESTS = Number(process.env.LOAD_MAX_REQUESTS ?? 100_000);
const TIMEOUT_MS = Number(process.env.LOAD_TIMEOUT_MS ?? 60_000);
const DEMO_VOLUME = process.env.SAMRAD_DEMO_SERVICEDESK ?? 'small';
const HOST = '127.0.0.1';
const PASSWORD = 'samrad-demo';
const root = fileURLToPath(new URL('..', import.meta.url));

/** Shares of the users, in the order the issue names them. */
const MIX = [
  { role: 'public', share: 0.35 },
  { role: 'council', share: 0.15 },
  { role: 'agent', share: 0.25 },
  { role: 'employee', share: 0.25 },
] as const;
type TRole = (typeof MIX)[number]['role'];

type TSample = { kind: string; ms: number; status: number; at: number; error?: string };
const samples: TSample[] = [];
let sent = 0;
let stopAt = Infinity;
const done = () => performance.now() >= stopAt || sent >= MAX_REQUESTS;

/** Mean THINK_MS, spread evenly from half to one and a half times it, so users do not march in step. */
const think = () => new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

type TClient = { base: string; cookie?: string };

/** One timed request; a network error or timeout is status 0. Answers the status and the parsed JSON (if any). */
async function call(client: TClient, kind: string, method: string, p: string, body?: unknown): Promise<{ status: number; json: any }> {
  sent++;
  const start = performance.now();
  let status = 0;
  let json: any = null;
  let error: string | undefined;
  try {
    const res = await fetch(client.base + p, {
      method,
      headers: {
        ...(client.cookie ? { cookie: client.cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json', origin: client.base } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    status = res.status;
    if ((res.headers.get('content-type') ?? '').includes('json')) json = await res.json();
    else await res.arrayBuffer();
  } catch (err) {
    status = 0;
    const e = err as { name?: string; cause?: { code?: string } };
    error = e.cause?.code ?? e.name ?? 'error';
  }
  samples.push({ kind, ms: performance.now() - start, status, at: start, error });
  return { status, json };
}

const ok = (status: number) => status >= 200 && status < 300;

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

type TWorld = {
  publicMeetings: string[];
  publicCases: string[];
  councilMeetings: string[];
  councilCases: string[];
  agentTickets: string[][];
  assignees: string[];
  category: string;
};

async function discover(base: string, cookies: Record<'council' | 'agent' | 'employee', string>, agents: number): Promise<TWorld> {
  const getJson = async (p: string, cookie?: string) => {
    const res = await fetch(base + p, { headers: cookie ? { cookie } : {} });
    if (res.status !== 200) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const publicMeetings: string[] = (await getJson('/api/public/meetings')).meetings.map((m: { id: string }) => m.id);
  const publicCases: string[] = [];
  for (const id of publicMeetings.slice(0, 6)) {
    const view = await getJson(`/api/public/meetings/${id}`);
    for (const c of view.cases) if (c.access !== 'unntatt') publicCases.push(c.id);
  }
  const councilMeetings: string[] = (await getJson('/api/meetings', cookies.council)).meetings.map((m: { id: string }) => m.id);
  const councilCases: string[] = [];
  for (const id of councilMeetings.slice(0, 6)) {
    for (const c of (await getJson(`/api/meetings/${id}`, cookies.council)).cases) councilCases.push(c.id);
  }
  // Each agent works its own open tickets, so two agents never race for one version (a 409 would be
  // the benchmark's doing, not the server's).
  const open: string[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await getJson(`/api/servicedesk/tickets?status=open&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, cookies.agent);
    open.push(...page.tickets.map((t: { id: string }) => t.id));
    cursor = page.nextCursor;
  } while (cursor && open.length < agents * 20);
  const agentTickets = Array.from({ length: Math.max(agents, 1) }, (_, k) => open.filter((_, i) => i % Math.max(agents, 1) === k));
  const assignees: string[] = (await getJson('/api/servicedesk/agents', cookies.agent)).agents.map((a: { id: string }) => a.id);
  const categories = await getJson('/api/servicedesk/categories', cookies.employee);
  const category: string = categories.categories[0];
  return { publicMeetings, publicCases, councilMeetings, councilCases, agentTickets, assignees, category };
}

async function publicReader(base: string, w: TWorld) {
  const c = { base };
  while (!done()) {
    const r = Math.random();
    if (r < 0.3) await call(c, 'public: meeting list', 'GET', '/api/public/meetings');
    else if (r < 0.65) await call(c, 'public: meeting', 'GET', `/api/public/meetings/${pick(w.publicMeetings)}`);
    else if (r < 0.85) await call(c, 'public: notice PDF', 'GET', `/api/meetings/${pick(w.publicMeetings)}/notice.pdf`);
    else await call(c, 'public: case PDF', 'GET', `/api/cases/${pick(w.publicCases)}/presentation.pdf`);
    await think();
  }
}

async function councilMember(base: string, cookie: string, w: TWorld) {
  const c = { base, cookie };
  while (!done()) {
    const r = Math.random();
    if (r < 0.2) await call(c, 'council: meetings', 'GET', '/api/meetings');
    else if (r < 0.45) await call(c, 'council: meeting', 'GET', `/api/meetings/${pick(w.councilMeetings)}`);
    else if (r < 0.7) await call(c, 'council: case', 'GET', `/api/cases/${pick(w.councilCases)}`);
    else if (r < 0.85) await call(c, 'council: case PDF', 'GET', `/api/cases/${pick(w.councilCases)}/presentation.pdf`);
    else await call(c, 'council: notice PDF', 'GET', `/api/meetings/${pick(w.councilMeetings)}/notice.pdf`);
    await think();
  }
}

const QUEUES = ['queue=all&status=open', 'queue=unassigned', 'queue=mine&status=open', 'queue=all&status=open&sort=due', 'queue=breaching'];

async function agent(base: string, cookie: string, w: TWorld, mine: string[]) {
  const c = { base, cookie };
  let n = 0;
  while (!done()) {
    await call(c, 'agent: queue', 'GET', `/api/servicedesk/tickets?${pick(QUEUES)}`);
    await think();
    if (done() || mine.length === 0) break;
    const id = mine[n++ % mine.length]!;
    const opened = await call(c, 'agent: open ticket', 'GET', `/api/servicedesk/tickets/${id}`);
    await think();
    if (done() || !ok(opened.status)) continue;
    if (Math.random() < 0.5) {
      await call(c, 'agent: reply', 'POST', `/api/servicedesk/tickets/${id}/replies`, { text: `Vi ser på saken (lasttest ${n}).` });
    } else {
      const assigneeUserId = opened.json.assigneeUserId === w.assignees[0] ? (w.assignees[1] ?? null) : w.assignees[0];
      await call(c, 'agent: assign', 'PATCH', `/api/servicedesk/tickets/${id}`, { assigneeUserId, revision: opened.json.revision });
    }
    await think();
  }
}

async function employee(base: string, cookie: string, w: TWorld) {
  const c = { base, cookie };
  const own: string[] = [];
  let n = 0;
  while (!done()) {
    const r = Math.random();
    if (r < 0.4 || (own.length === 0 && r < 0.8)) {
      await call(c, 'employee: my tickets', 'GET', '/api/servicedesk/tickets');
    } else if (r < 0.8 || own.length === 0) {
      const created = await call(c, 'employee: create ticket', 'POST', '/api/servicedesk/tickets', {
        type: 'tjenesteforesporsel', category: w.category, title: `Lasttest ${++n}: får ikke skrevet ut`,
        description: 'Skriveren i 2. etasje svarer ikke. Jeg har prøvd å starte PC-en på nytt.',
      });
      if (ok(created.status)) own.push(created.json.id);
    } else if (r < 0.9) {
      await call(c, 'employee: open ticket', 'GET', `/api/servicedesk/tickets/${pick(own)}`);
    } else {
      await call(c, 'employee: reply', 'POST', `/api/servicedesk/tickets/${pick(own)}/replies`, { text: 'Takk, det gjelder fortsatt.' });
    }
    await think();
  }
}

/** /healthz once a second, outside the users: how long the simplest answer waits under the load. */
async function healthProbe(base: string) {
  while (!done()) {
    await call({ base }, 'healthz (probe, 1/s)', 'GET', '/healthz');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function demoSetting(): string {
  try {
    readEnv({ SAMRAD_DEMO: 'on' } as NodeJS.ProcessEnv);
    return 'on';
  } catch {
    return 'auto';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts samrad as `npm start` does (src/server/main.ts), logging to a file, and waits for /healthz. */
async function startServer(env: NodeJS.ProcessEnv, logFile: string): Promise<{ child: ChildProcess; base: string; log: () => string }> {
  const port = await freePort();
  const extra = Object.fromEntries((process.env.LOAD_SERVER_ENV ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
    cwd: root,
    // info: one access-log line per request, from which the report takes the server's own time and the
    // time each request waited at the admission gate.
    env: { ...process.env, ...env, ...extra, PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => { log += d; });
  child.stderr!.on('data', (d) => { log += d; });
  child.on('exit', () => writeFileSync(logFile, log));
  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped at start:\n${log}`);
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return { child, base, log: () => log };
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`the server did not answer /healthz within 10 minutes:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** CPU seconds of the PostgreSQL server's processes serving the bench database (its backends), by pid. */
async function backendCpu(url: string | undefined, name: string): Promise<Map<number, number>> {
  const cpu = new Map<number, number>();
  if (!url) return cpu;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name]);
    for (const { pid } of rows) {
      const s = cpuSeconds(pid);
      if (s !== null) cpu.set(pid, s);
    }
  } finally {
    await admin.end();
  }
  return cpu;
}

/** CPU seconds (user + system) the process has used, from /proc. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

type TAccessLine = { method: string; route: string; status: number; ms: number; queuedMs?: number };

/** The server's access-log lines of the run: what each request cost inside the server. */
function accessLines(log: string): TAccessLine[] {
  const lines: TAccessLine[] = [];
  for (const text of log.split('\n')) {
    if (!text.includes('"msg":"request"')) continue;
    try {
      lines.push(JSON.parse(text) as TAccessLine);
    } catch { /* a line cut by the end of the run */ }
  }
  return lines;
}

/**
 * Per route, from the server's side: its whole time (from the first middleware to the answer), the part
 * spent waiting for a place at the admission gate, and the rest (the request's own work, which waits for
 * the database and the CPU). What the client measures on top is the socket, the server's event loop
 * before the first middleware, and the client's own event loop.
 */
function serverReport(lines: TAccessLine[]) {
  const routes = [...new Set(lines.map((l) => `${l.method} ${l.route}`))].sort();
  const ms = (xs: number[], p: 'p50' | 'p99') => (xs.length ? stats(xs)[p] : 0).toFixed(0);
  console.log('\nserver side (access log): whole = gate wait + work, ms');
  console.log('| route | n | whole p50 | whole p99 | gate wait p50 | gate wait p99 | work p50 | work p99 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of routes) {
    const xs = lines.filter((l) => `${l.method} ${l.route}` === r);
    const whole = xs.map((l) => l.ms);
    const waited = xs.map((l) => l.queuedMs ?? 0);
    const work = xs.map((l) => l.ms - (l.queuedMs ?? 0));
    console.log(`| ${r} | ${xs.length} | ${ms(whole, 'p50')} | ${ms(whole, 'p99')} | ${ms(waited, 'p50')} | ${ms(waited, 'p99')} | ${ms(work, 'p50')} | ${ms(work, 'p99')} |`);
  }
}

function report(engine: 'pglite' | 'postgres', runMs: number) {
  const kinds = [...new Set(samples.map((s) => s.kind))].sort();
  const line = (label: string, xs: TSample[]) => {
    const st = stats(xs.map((s) => s.ms));
    const errors = xs.filter((s) => !ok(s.status));
    const byStatus = new Map<string, number>();
    for (const e of errors) byStatus.set(e.status === 0 ? e.error! : String(e.status), (byStatus.get(e.status === 0 ? e.error! : String(e.status)) ?? 0) + 1);
    const detail = [...byStatus].map(([s, n]) => `${n}×${s}`).join(' ');
    return `| ${label} | ${xs.length} | ${(xs.length / (runMs / 1000)).toFixed(1)} | ${st.p50.toFixed(0)} | ${st.p95.toFixed(0)} | ${st.p99.toFixed(0)} | ${Math.max(...xs.map((s) => s.ms)).toFixed(0)} | ${errors.length}${detail ? ` (${detail})` : ''} |`;
  };
  console.log('\n| request kind | n | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const k of kinds) console.log(line(k, samples.filter((s) => s.kind === k)));
  const users = samples.filter((s) => !s.kind.startsWith('healthz'));
  console.log(line('**all user requests**', users));
  const overall = stats(users.map((s) => s.ms));
  const errors = users.filter((s) => !ok(s.status)).length;
  const target = engine === 'pglite' ? 5000 : 1000;
  const pass = errors === 0 && overall.p99 <= target;
  console.log(`\ntarget (${engine}, ${USERS} users): 0 errors and p99 ≤ ${target / 1000} s; measured ${errors} errors, p99 ${(overall.p99 / 1000).toFixed(2)} s: ${pass ? 'PASS' : 'FAIL'}`);
  return pass;
}

async function main() {
  const volume = demoVolume(DEMO_VOLUME);
  const t0 = performance.now();
  const database = await openBenchDatabase();
  const engine = database.kind;
  // The server opens the database itself (PGlite's directory must not be open twice) and loads the demo
  // as a new install does: 'on' where the server knows it (a PostgreSQL database gets the demo only
  // when asked), else 'auto'.
  await database.cleanup({ keep: true });
  const work = mkdtempSync(path.join(tmpdir(), 'samrad-load-'));
  const env: NodeJS.ProcessEnv = { ...process.env, SAMRAD_DEMO: demoSetting(), SAMRAD_DEMO_SERVICEDESK: DEMO_VOLUME };
  if (engine === 'pglite') {
    delete env.DATABASE_URL;
    env.SAMRAD_DATA_DIR = database.name;
  } else {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${database.name}`;
    env.DATABASE_URL = url.toString();
  }
  const server = await startServer(env, path.join(work, 'server.log'));
  const { child, base } = server;
  const setupMs = performance.now() - t0;
  let pass = false;
  try {
    const cookies = {
      council: await signIn(base, 'rad@demo.samrad.no'),
      agent: await signIn(base, 'leder@demo.samrad.no'),
      employee: await signIn(base, 'ansatt@molde.demo.samrad.no'),
    };
    const counts = new Map<TRole, number>();
    let assigned = 0;
    for (const m of MIX) { const n = Math.round(USERS * m.share); counts.set(m.role, n); assigned += n; }
    counts.set('employee', counts.get('employee')! + USERS - assigned);
    const world = await discover(base, cookies, counts.get('agent')!);

    console.log(`samrad load test (${engine}, node ${process.version}, ${machine()})`);
    console.log(`  demo with service desk '${DEMO_VOLUME}' (${volume ? `${volume.perYear} tickets a year, ${volume.years?.join(', ')}` : 'none'}), loaded and started in ${(setupMs / 1000).toFixed(0)} s`);
    console.log(`  ${USERS} users (${[...counts].map(([r, n]) => `${n} ${r}`).join(', ')}), think time ${THINK_MS / 2}–${THINK_MS * 1.5} ms, ${SECONDS} s, at most ${MAX_REQUESTS} requests, timeout ${TIMEOUT_MS / 1000} s`);
    console.log(`  ${world.publicMeetings.length} public meetings, ${world.councilCases.length} council cases, ${world.agentTickets.flat().length} open tickets shared out to the agents`);

    const cpuBefore = cpuSeconds(child.pid!);
    const backendsBefore = await backendCpu(process.env.DATABASE_URL, database.name);
    const clientCpuBefore = process.cpuUsage();
    const clientLoop = monitorEventLoopDelay({ resolution: 10 });
    clientLoop.enable();
    const logBefore = server.log().length;
    const start = performance.now();
    stopAt = start + SECONDS * 1000;
    const users: Promise<void>[] = [healthProbe(base)];
    let agentIndex = 0;
    for (let i = 0; i < USERS; i++) {
      // Users start spread over the first think time, not all in the same millisecond.
      const role = [...counts].reduce<{ role: TRole | null; left: number }>((acc, [r, n]) => acc.role ? acc : acc.left < n ? { role: r, left: 0 } : { role: null, left: acc.left - n }, { role: null, left: i }).role!;
      const delay = Math.random() * THINK_MS;
      users.push(new Promise((r) => setTimeout(r, delay)).then(() => {
        if (role === 'public') return publicReader(base, world);
        if (role === 'council') return councilMember(base, cookies.council, world);
        if (role === 'agent') return agent(base, cookies.agent, world, world.agentTickets[agentIndex++] ?? []);
        return employee(base, cookies.employee, world);
      }));
    }
    const loadBefore = machine();
    await Promise.all(users);
    const runMs = performance.now() - start;
    const cpuAfter = cpuSeconds(child.pid!);
    console.log(`  ran ${(runMs / 1000).toFixed(1)} s, ${samples.length} requests; at start ${loadBefore}, at end ${machine()}`);
    const share = (seconds: number) => `${seconds.toFixed(1)} s, ${(seconds / (runMs / 1000) * 100).toFixed(0)} % of one core`;
    if (cpuBefore !== null && cpuAfter !== null) console.log(`  server CPU over the run: ${share(cpuAfter - cpuBefore)}`);
    if (engine === 'postgres') {
      const backendsAfter = await backendCpu(process.env.DATABASE_URL, database.name);
      const used = [...backendsAfter].reduce((sum, [pid, s]) => sum + s - (backendsBefore.get(pid) ?? 0), 0);
      console.log(`  PostgreSQL backends' CPU over the run: ${share(used)} (${backendsAfter.size} connections at the end)`);
    }
    const clientCpu = process.cpuUsage(clientCpuBefore);
    clientLoop.disable();
    console.log(`  this client's CPU: ${share((clientCpu.user + clientCpu.system) / 1e6)}; its event loop delay p50 ${(clientLoop.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(clientLoop.percentile(99) / 1e6).toFixed(0)} ms, max ${(clientLoop.max / 1e6).toFixed(0)} ms`);
    pass = report(engine, runMs);
    serverReport(accessLines(server.log().slice(logBefore)));
    if (process.env.LOAD_SAMPLES_FILE) writeFileSync(process.env.LOAD_SAMPLES_FILE, JSON.stringify(samples.map((x) => ({ ...x, at: Math.round(x.at - start) }))));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    console.log(`  server log: ${path.join(work, 'server.log')}`);
    if (engine === 'pglite') rmSync(database.name, { recursive: true, force: true });
    else {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${database.name} with (force)`);
      await admin.end();
    }
  }
  process.exit(pass ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
