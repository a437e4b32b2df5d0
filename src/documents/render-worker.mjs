// One render thread of the pool (render-pool.ts). Plain JavaScript on purpose: a worker thread does not
// inherit the tsx loader (npm start) or vite's transform (vitest), and all it needs is the compiler, the
// template folder and JSON, so it loads the same way under every runner. Messages in:
// { id, template, data (JSON text), archive, files ({ relative path: bytes })? }; out: { id, ok: true, pdf, evictions }
// or { id, ok: false, message, evictions }, where evictions counts the compiler's evictCache calls so far
// (the pool reports them, and render-pool.test.ts fails if the eviction below goes missing).
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { NodeCompiler, PdfStandard } from '@myriaddreamin/typst-ts-node-compiler';

const { templateDir, evict } = workerData;
const compiler = NodeCompiler.create({ workspace: templateDir });

// The compiler memoizes every intermediate result of every document in one global cache and never drops
// any by itself: ≈14 MB per distinct KPI pack. Evicting what the last few renders did not touch keeps the
// fonts and templates warm and bounds the rest (measured in bench/pdf-memory.ts, decision 0014).
const KEEP_RENDERS = 10;

// Counted at the compiler's own method, so the count is of evictions that reached the compiler.
let evictions = 0;
const evictCache = compiler.evictCache.bind(compiler);
compiler.evictCache = (maxAge) => {
  evictions++;
  evictCache(maxAge);
};

parentPort.on('message', (job) => {
  // A job's own files (a report's images) are mapped into the compiler's view of the template folder
  // for this job and unmapped after, so no job sees another's.
  const mapped = [];
  try {
    for (const [name, bytes] of Object.entries(job.files ?? {})) {
      const file = path.join(templateDir, name);
      if (!file.startsWith(templateDir + path.sep)) throw new Error(`Fil utenfor malmappen: ${name}`);
      compiler.mapShadow(file, Buffer.from(bytes));
      mapped.push(file);
    }
    const compiled = compiler.compile({ mainFilePath: path.join(templateDir, `${job.template}.typ`), inputs: { data: job.data } });
    const doc = compiled.result;
    if (!doc || compiled.hasError()) {
      const err = compiled.takeError();
      const detail = err ? JSON.stringify(err.shortDiagnostics) : 'ukjent feil';
      parentPort.postMessage({ id: job.id, ok: false, message: `Typst-malen ${job.template} kunne ikke settes: ${detail}`, evictions });
      return;
    }
    // Every paper is a tagged PDF (the compiler's default since 0.7: structure tree, /Lang from the
    // template's text language); the archive's are PDF/A-2a, which adds the tags to the archival rules.
    const pdf = compiler.pdf(doc, job.archive ? { pdfStandard: PdfStandard.A_2a } : {});
    // A copy the thread owns, so it can be handed over without another copy.
    const bytes = new Uint8Array(pdf);
    parentPort.postMessage({ id: job.id, ok: true, pdf: bytes, evictions }, [bytes.buffer]);
  } catch (err) {
    parentPort.postMessage({ id: job.id, ok: false, message: `Typst-malen ${job.template} kunne ikke settes: ${err instanceof Error ? err.message : String(err)}`, evictions });
  } finally {
    for (const file of mapped) compiler.unmapShadow(file);
    if (evict) compiler.evictCache(KEEP_RENDERS);
  }
});
