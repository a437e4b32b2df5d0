// Content-addressed objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, …), for deployments where
// several servers share the files. The key is the hash, so it is known only after the bytes have been
// read: a stream is spooled to a temporary file while it is hashed, then sent with its length. S3 makes
// an object visible only when its upload completes, so a crash leaves no partial object under a hash.
// A put always uploads, even when the object exists: that renews its time, so a sweep running at
// the same moment cannot take it from the row about to be written (same content, same bytes).
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { sha256Of } from './hash.js';
import {
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NoSuchKey, NotFound, PutObjectCommand, S3Client,
} from '@aws-sdk/client-s3';
import {
  FileMissingError, shardedPath, type FileStore, type TByteRange, type TFileSource, type TStaging, type TStoredEntry, type TStoredFile,
} from './store.js';

export type TS3Options = {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** Key prefix inside the bucket, so the bucket may hold other things. */
  prefix?: string;
};

const isMissing = (err: unknown) => err instanceof NoSuchKey || err instanceof NotFound
  || (err as { name?: string }).name === 'NoSuchKey' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

export function s3FileStore(options: TS3Options): FileStore {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.accessKeyId && options.secretAccessKey
      ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
  });
  const prefix = options.prefix ?? 'files/';
  const keyOf = (sha256: string) => `${prefix}${shardedPath(sha256).join('/')}`;
  const Bucket = options.bucket;

  async function put(source: TFileSource): Promise<TStoredFile> {
    if (source instanceof Uint8Array) {
      const sha256 = await sha256Of(source);
      await client.send(new PutObjectCommand({ Bucket, Key: keyOf(sha256), Body: source, ContentLength: source.length }));
      return { sha256, size: source.length };
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'samrad-upload-'));
    const spool = path.join(dir, randomBytes(8).toString('hex'));
    try {
      const hash = createHash('sha256');
      let size = 0;
      const out = createWriteStream(spool);
      for await (const chunk of source) {
        hash.update(chunk);
        size += chunk.length;
        if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      }
      out.end();
      await finished(out);
      const sha256 = hash.digest('hex');
      await client.send(new PutObjectCommand({ Bucket, Key: keyOf(sha256), Body: createReadStream(spool), ContentLength: size }));
      return { sha256, size };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async function stage(): Promise<TStaging> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'samrad-upload-'));
    const spool = path.join(dir, randomBytes(8).toString('hex'));
    let settled = false;
    return {
      path: spool,
      async keep(file: TStoredFile) {
        if (settled) throw new Error('staged file already kept or discarded');
        settled = true;
        try {
          await client.send(new PutObjectCommand({ Bucket, Key: keyOf(file.sha256), Body: createReadStream(spool), ContentLength: file.size }));
          return file;
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
      async discard() {
        if (settled) return;
        settled = true;
        await rm(dir, { recursive: true, force: true });
      },
    };
  }

  async function exists(sha256: string): Promise<boolean> {
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async function open(sha256: string, range?: TByteRange): Promise<Readable> {
    try {
      const res = await client.send(new GetObjectCommand({
        Bucket, Key: keyOf(sha256), Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }));
      if (!(res.Body instanceof Readable)) throw new Error('the S3 client did not answer with a Node stream');
      return res.Body;
    } catch (err) {
      if (isMissing(err)) throw new FileMissingError(sha256);
      throw err;
    }
  }

  async function* list(): AsyncIterable<TStoredEntry> {
    let ContinuationToken: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
      for (const o of page.Contents ?? []) {
        const name = o.Key?.split('/').pop() ?? '';
        if (/^[0-9a-f]{64}$/.test(name)) yield { sha256: name, storedAt: o.LastModified ?? new Date(0) };
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  async function remove(sha256: string): Promise<void> {
    await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(sha256) }));
  }

  // Spools live in the OS's temporary directory and are removed by put itself; an upload a crash
  // cut short is never an object.
  const removeStaleTemporaries = async () => 0;

  return { kind: 's3', stage, put, open, exists, list, remove, removeStaleTemporaries };
}
