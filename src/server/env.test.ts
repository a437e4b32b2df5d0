import { describe, expect, it } from 'vitest';
import { readEnv } from './env.js';

describe('readEnv', () => {
  it('gives the documented defaults', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ PORT: 3000, SAMRAD_DATA_DIR: './data', SAMRAD_DEMO: 'auto' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('refuses a wrong value with a message naming the variable', () => {
    expect(() => readEnv({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => readEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => readEnv({ SAMRAD_DEMO: 'yes' })).toThrow(/SAMRAD_DEMO/);
  });

  it('refuses OpenID Connect without client credentials', () => {
    expect(() => readEnv({ OIDC_ISSUER: 'https://login.example/v2.0' })).toThrow(/OIDC_CLIENT_ID/);
  });
});
