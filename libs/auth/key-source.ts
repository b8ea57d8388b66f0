import type { LoggerService } from '@nestjs/common';
import type { AuthSettings } from '@redress/config';
import type { JWTVerifyGetKey } from 'jose';
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { JwksKeySet } from './jwks-key-set';
import { discoverJwksUri } from './oidc-discovery';

/** What jose verifies a token's signature with: one key, or a key set that picks one per token. */
export type VerificationKey = KeyObject | JWTVerifyGetKey;

/** The key, or key set, of the configured key source, built once per process. */
export function verificationKey(
  settings: Pick<AuthSettings, 'source' | 'jwksCacheSeconds'>,
  logger: Pick<LoggerService, 'warn' | 'log'>,
): VerificationKey {
  const { source, jwksCacheSeconds: cacheSeconds } = settings;
  switch (source.kind) {
    case 'secret':
      return createSecretKey(Buffer.from(source.secret));
    case 'public-key':
      return createPublicKey(source.publicKey);
    case 'jwks': {
      const url = new URL(source.url);
      return new JwksKeySet({ locate: async () => url, cacheSeconds, logger }).getKey;
    }
    case 'oidc':
      return new JwksKeySet({
        locate: untilFound(() => discoverJwksUri(source.issuer)),
        cacheSeconds,
        logger,
      }).getKey;
  }
}

/** Remembers the first answer; a failure is not remembered, so the next call asks again. */
function untilFound<T>(find: () => Promise<T>): () => Promise<T> {
  let found: Promise<T> | undefined;
  return () =>
    (found ??= find().catch((error: unknown) => {
      found = undefined;
      throw error;
    }));
}
