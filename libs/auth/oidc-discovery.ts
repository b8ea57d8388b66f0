import { fetchJson } from './fetch-json';

/**
 * The JWKS location an OpenID provider publishes in its discovery document, which must name the very
 * issuer it was fetched for (OpenID Connect Discovery 1.0, §4.3).
 */
export async function discoverJwksUri(issuer: string): Promise<URL> {
  const url = new URL(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  const metadata = (await fetchJson(url)) as { issuer?: unknown; jwks_uri?: unknown } | null;
  if (metadata?.issuer !== issuer)
    throw new Error(`${url.href} names the issuer ${JSON.stringify(metadata?.issuer)}, not ${issuer}`);
  if (typeof metadata.jwks_uri !== 'string') throw new Error(`${url.href} has no jwks_uri`);
  return new URL(metadata.jwks_uri);
}
