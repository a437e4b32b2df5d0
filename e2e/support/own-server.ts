// A samrad of a spec's own, beside the demo server every other spec shares: started on a free port with
// storage of its own (storage.ts), the environment the spec asks for (SAMRAD_DEMO=off for a fresh
// install), and stopped with its storage removed afterwards. Used by first-admin.spec.ts and
// empty-install.spec.ts, which take a fresh install into use through its set-up link.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { createStorage, type TStorage } from './storage';

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Resolves with the first match of each pattern in the server's log, in order; fails if it exits first. */
export function watchLog(child: ChildProcess, patterns: RegExp[]): Promise<RegExpMatchArray>[] {
  const waiting = patterns.map((pattern) => {
    let resolve!: (m: RegExpMatchArray) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<RegExpMatchArray>((res, rej) => { resolve = res; reject = rej; });
    return { pattern, resolve, reject, promise, done: false };
  });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    for (const w of waiting) {
      const match = w.done ? null : w.pattern.exec(line);
      if (match) {
        w.done = true;
        w.resolve(match);
      }
    }
  });
  child.on('exit', (code) => {
    for (const w of waiting) if (!w.done) w.reject(new Error(`samrad exited (${code}) before logging ${w.pattern}: ${stderr}`));
  });
  return waiting.map((w) => w.promise);
}

export type TOwnServer = {
  baseURL: string;
  /** The one-time set-up link the fresh install printed. */
  setupLink: string;
  stop: () => Promise<void>;
};

/**
 * Starts a fresh install (SAMRAD_DEMO=off, storage of its own) and waits until it listens; resolves with
 * its address and the set-up link from its log. `env` adds to (or overrides) the server's environment.
 */
export async function startFreshInstall(prefix: string, env: Record<string, string> = {}): Promise<TOwnServer> {
  const storage: TStorage = await createStorage(prefix);
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...storage.env, PORT: String(port), SAMRAD_DEMO: 'off', LOG_LEVEL: 'info', SAMRAD_TEST_CLOCK: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await storage.remove();
  };
  try {
    const [linkLine, ready] = watchLog(server, [/set it up at (http:\/\/localhost:\d+\/oppsett\?token=[\w-]+)/, /samrad listening/]);
    const setupLink = (await linkLine!)[1]!;
    await ready;
    return { baseURL: `http://localhost:${port}`, setupLink, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
