// OpenID Connect sign-in (authorization code flow with PKCE), so a municipality's Entra ID or any other
// OIDC provider can sign people in. It only signs in to accounts an admin has created: the provider's
// subject is linked on the first sign-in through a verified e-mail address, and never creates an
// account (docs/decisions/0003-oidc-account-linking.md).
import * as client from 'openid-client';
import type { Db } from '../../db/client.js';
import { findUserByEmail, findUserByOidcSubject, linkOidcSubject } from '../../modules/org/users.service.js';
import type { TEnv } from '../env.js';
import { badRequest, forbidden, HttpError } from '../errors.js';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

export type TOidcSettings = { issuer: string; clientId: string; clientSecret: string; redirectUri: string };

/** What the browser carries between the redirect to the provider and the way back (in an HttpOnly cookie). */
export type TOidcFlow = { state: string; nonce: string; codeVerifier: string };

/** The settings from the environment, or null when OIDC is not configured. */
export function oidcSettings(env: TEnv, requestUrl: string): TOidcSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  // Behind a proxy the request URL is the internal one; PUBLIC_URL is what the provider must send back to.
  const base = (env.PUBLIC_URL ?? new URL(requestUrl).origin).replace(/\/+$/, '');
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUri: base + OIDC_CALLBACK_PATH,
  };
}

// Discovery once per issuer and client, not per sign-in. A failed discovery is not kept, so the next
// attempt tries again once the provider is back.
const configurations = new Map<string, Promise<client.Configuration>>();

function loadConfiguration(settings: TOidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let pending = configurations.get(key);
  if (!pending) {
    const issuer = new URL(settings.issuer);
    // Plain http only for a provider on this machine (tests, local development); never over a network.
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
    const options = issuer.protocol === 'http:' && loopback ? { execute: [client.allowInsecureRequests] } : undefined;
    pending = client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, options);
    pending.catch(() => configurations.delete(key));
    configurations.set(key, pending);
  }
  return pending;
}

const providerUnreachable = (err: unknown) =>
  new HttpError(400, 'oidc_unavailable', `Innloggingstjenesten svarer ikke: ${(err as Error).message}`);

/** The provider's authorization URL, and the secrets the callback must see again. */
export async function startOidcLogin(settings: TOidcSettings): Promise<{ url: string; flow: TOidcFlow }> {
  const config = await loadConfiguration(settings).catch((err) => { throw providerUnreachable(err); });
  const flow: TOidcFlow = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { url: url.href, flow };
}

export type TCompleteOidcLoginOptions = {
  settings: TOidcSettings;
  flow: TOidcFlow | null;
  /** The query string the provider sent the browser back with. */
  search: string;
};

/**
 * Exchanges the code, checks state, nonce and PKCE, and finds the account: by the linked subject, else
 * by a verified e-mail address (and then links the subject). Anything else is refused.
 */
export async function completeOidcLogin(db: Db, options: TCompleteOidcLoginOptions) {
  const { settings, flow } = options;
  const params = new URLSearchParams(options.search);
  if (!flow) throw badRequest('Innloggingen er utløpt eller ble startet i en annen nettleser. Prøv igjen.');
  if (params.get('state') !== flow.state) throw badRequest('Innloggingen kan ikke fullføres: ugyldig state. Prøv igjen.');
  if (params.get('error')) {
    throw badRequest(`Innloggingstjenesten avbrøt innloggingen: ${params.get('error_description') ?? params.get('error')}`);
  }

  const config = await loadConfiguration(settings).catch((err) => { throw providerUnreachable(err); });
  const callbackUrl = new URL(settings.redirectUri);
  callbackUrl.search = params.toString();
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true,
    });
  } catch (err) {
    throw new HttpError(400, 'oidc_failed', `Innloggingen kunne ikke fullføres: ${(err as Error).message}`);
  }
  const idClaims = tokens.claims();
  if (!idClaims) throw new HttpError(400, 'oidc_failed', 'Innloggingstjenesten sendte ingen ID-token');
  // Many providers keep e-mail out of the ID token and hand it out from the userinfo endpoint.
  let email = typeof idClaims.email === 'string' ? idClaims.email : undefined;
  let emailVerified = isEmailVerified(idClaims);
  if (!email) {
    const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => null);
    email = info?.email;
    emailVerified = info ? isEmailVerified(info) : false;
  }

  // The subject is only unique per issuer; qualifying it keeps a second provider from taking over an account.
  const subject = `${config.serverMetadata().issuer}#${idClaims.sub}`;
  const linked = await findUserByOidcSubject(db, subject);
  if (linked) {
    if (linked.disabled) throw forbidden('Kontoen er deaktivert');
    return linked;
  }

  if (!email) throw forbidden('Innloggingstjenesten oppga ingen e-postadresse, så vi finner ingen konto å knytte innloggingen til');
  const user = await findUserByEmail(db, email);
  if (!user) throw forbidden(`Ingen konto for ${email}. Be en administrator i samarbeidet om å opprette en.`);
  if (!emailVerified) throw forbidden(`E-postadressen ${email} er ikke bekreftet av innloggingstjenesten, så kontoen kan ikke knyttes til den`);
  if (user.disabled) throw forbidden('Kontoen er deaktivert');
  if (user.oidcSubject) throw forbidden(`Kontoen for ${email} er allerede knyttet til en annen innlogging`);
  return linkOidcSubject(db, { userId: user.id, name: `${user.name} (OpenID Connect)` }, { id: user.id, subject });
}

/**
 * `email_verified` is the standard claim; Entra ID leaves it out for work accounts and offers the optional
 * claim `xms_edov` (the address's domain is verified by the tenant) instead.
 */
function isEmailVerified(claims: Record<string, unknown>): boolean {
  return claims.email_verified === true || claims.xms_edov === true || claims.xms_edov === '1';
}

export function encodeFlow(flow: TOidcFlow): string {
  return Buffer.from(JSON.stringify(flow)).toString('base64url');
}

export function decodeFlow(value: string | undefined): TOidcFlow | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<TOidcFlow>;
    if (typeof parsed.state !== 'string' || typeof parsed.nonce !== 'string' || typeof parsed.codeVerifier !== 'string') return null;
    return { state: parsed.state, nonce: parsed.nonce, codeVerifier: parsed.codeVerifier };
  } catch {
    return null;
  }
}
