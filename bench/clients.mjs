// Load clients for the benchmarks, run as a child process of the benchmark so their work (building and
// sending bodies, reading answers) never runs on the server's event loop: the server's latency for
// others is what is measured, not how a shared loop or a shared process schedules clients next to it.
// Each client sends at a fixed rate (open loop with one request in flight per client): the request of
// slot k starts at start + k × period, or at once when the one before it ran past that time (counted as
// late), so a slow server is not rewarded with fewer requests and a fast one cannot be flooded by
// clients that go as fast as they are served. Bounded in time and in count, and only to 127.0.0.1.
//
// Plain JavaScript on purpose: it starts in ~50 ms without a loader. Input: one JSON argument
// {
//   base: 'http://127.0.0.1:port', seconds, delayMs?,
//   streams: [{ name, clients, ratePerClient, paths: [...], cookie?, method?: 'GET' | 'UPLOAD', uploadBytes? }]
// }
// Output on stdout, once done: one JSON object { [name]: { n, late, bytes, statuses, ms: [...] } }.
const config = JSON.parse(process.argv[2] ?? '{}');
const base = new URL(config.base);
if (base.hostname !== '127.0.0.1') throw new Error(`load clients only ever go to 127.0.0.1, not ${base.hostname}`);
const seconds = Number(config.seconds);
if (!(seconds > 0 && seconds <= 600)) throw new Error(`seconds must be in (0, 600], not ${config.seconds}`);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function uploadBody(id, bytes) {
  // Built once per client, by hand: Blob and FormData would cost the client more than the server.
  const boundary = `samradbench${id}x${process.pid}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stor.txt"\r\nContent-Type: text/plain\r\n\r\n`),
    Buffer.alloc(bytes, 'a'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, boundary, headerAt: body.indexOf('\r\n\r\n') + 4 };
}

async function client(stream, id, startAt, endAt, result) {
  const period = 1000 / stream.ratePerClient;
  // Clients of one stream start spread over one period, so they do not fire in step.
  const offset = (period * id) / stream.clients;
  const upload = stream.method === 'UPLOAD' ? uploadBody(id, stream.uploadBytes) : null;
  const maxRequests = Math.ceil(seconds * stream.ratePerClient) + 1;
  for (let k = 0; k < maxRequests; k++) {
    const slot = startAt + offset + k * period;
    if (slot >= endAt) break;
    const now = performance.now();
    // Late: the previous request ran past this slot (or the client was not scheduled in time).
    if (now > slot + 20) result.late++;
    else await sleep(slot - now);
    const path = stream.paths[(k * stream.clients + id) % stream.paths.length];
    const t = performance.now();
    try {
      let res;
      if (upload) {
        // A new first line each time: a new file for the store, not a repeat of one already kept.
        upload.body.write(`vedlegg ${process.pid}-${id}-${k}`.padEnd(40, ' '), upload.headerAt, 'latin1');
        res = await fetch(base.origin + path, {
          method: 'POST', body: upload.body,
          headers: { cookie: stream.cookie ?? '', origin: base.origin, 'content-type': `multipart/form-data; boundary=${upload.boundary}` },
          signal: AbortSignal.timeout(60_000),
        });
        await res.arrayBuffer();
        if (res.status === 201) result.bytes += stream.uploadBytes;
      } else {
        res = await fetch(base.origin + path, { headers: stream.cookie ? { cookie: stream.cookie } : {}, signal: AbortSignal.timeout(60_000) });
        const body = await res.arrayBuffer();
        if (res.status === 200) result.bytes += body.byteLength;
      }
      result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
    } catch (err) {
      const key = `error:${err?.cause?.code ?? err?.name ?? 'unknown'}`;
      result.statuses[key] = (result.statuses[key] ?? 0) + 1;
    }
    result.ms.push(performance.now() - t);
    result.n++;
  }
}

const startAt = performance.now() + (config.delayMs ?? 0);
const endAt = startAt + seconds * 1000;
const results = {};
await Promise.all(config.streams.map((stream) => {
  const result = results[stream.name] = { n: 0, late: 0, bytes: 0, statuses: {}, ms: [] };
  return Promise.all(Array.from({ length: stream.clients }, (_, id) => client(stream, id, startAt, endAt, result)));
}));
process.stdout.write(JSON.stringify(results));
