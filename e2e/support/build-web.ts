// Builds the web app for the end-to-end tests only when its sources changed since the last build: a
// `vite build` costs tens of seconds, and CI runs the e2e tests once per database engine on the same
// sources. What goes into the build (web/, the Vite and TypeScript settings, the locked dependencies)
// is hashed, and the hash is kept next to the build in dist/web.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, 'dist/web');
const stampFile = path.join(outDir, '.sources-sha256');
const inputs = ['web', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'];
const API_TYPES = path.join('web', 'src', 'api', 'schema.ts');

function sourcesHash(): string {
  const hash = createHash('sha256');
  const add = (relative: string) => {
    const full = path.join(root, relative);
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) if (entry !== 'node_modules') add(path.join(relative, entry));
      return;
    }
    // The generated API types are types only: they never reach the bundle, and exist or not depending
    // on whether the typecheck ran first (decision 0022).
    if (relative === API_TYPES) return;
    hash.update(relative).update('\0').update(readFileSync(full)).update('\0');
  };
  for (const input of inputs) add(input);
  return hash.digest('hex');
}

const wanted = sourcesHash();
const built = existsSync(path.join(outDir, 'index.html')) && existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : null;
if (built === wanted) {
  process.stderr.write('e2e: the web build is up to date\n');
} else {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stampFile, wanted);
}
