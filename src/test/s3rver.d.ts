// s3rver ships no types; the part the file store's tests use.
declare module 's3rver' {
  type TS3rverOptions = {
    address?: string; port?: number; silent?: boolean; directory: string; resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  };
  export default class S3rver {
    constructor(options: TS3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
