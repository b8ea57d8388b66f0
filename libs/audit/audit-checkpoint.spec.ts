import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import {
  checkpointPayload,
  checkpointSignatureValid,
  parseCheckpointCopy,
  publicKeyPem,
  signCheckpoint,
  type AuditCheckpoint,
} from './audit-checkpoint';

const { privateKey } = generateKeyPairSync('ed25519');
const publicKey = createPublicKey(publicKeyPem(privateKey));
const checkpoint: AuditCheckpoint = {
  seq: 120,
  digest: 'ab'.repeat(32),
  count: 117,
  at: '2026-01-01T00:00:00.000Z',
};

describe('checkpoint signatures', () => {
  it('signs the RFC 8785 canonical JSON of seq, digest, count and at with Ed25519', () => {
    const signed = signCheckpoint(privateKey, checkpoint);
    expect(checkpointPayload(checkpoint)).toBe(
      `{"at":"2026-01-01T00:00:00.000Z","count":117,"digest":"${'ab'.repeat(32)}","seq":120}`,
    );
    const payload = Buffer.from(checkpointPayload(checkpoint));
    expect(verify(null, payload, publicKey, Buffer.from(signed.signature, 'base64'))).toBe(true);
    expect(checkpointSignatureValid(publicKey, signed)).toBe(true);
  });

  it('fails for any field changed, another key, and a signature that is not one', () => {
    const signed = signCheckpoint(privateKey, checkpoint);
    for (const changed of [
      { seq: 121 },
      { count: 118 },
      { digest: 'cd'.repeat(32) },
      { at: '2026-01-01T00:00:01.000Z' },
    ])
      expect(checkpointSignatureValid(publicKey, { ...signed, ...changed })).toBe(false);
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(checkpointSignatureValid(other, signed)).toBe(false);
    expect(checkpointSignatureValid(publicKey, { ...signed, signature: 'not base64 at all' })).toBe(false);
    expect(checkpointSignatureValid(publicKey, { ...signed, signature: '' })).toBe(false);
  });

  it('publishes the public key as SPKI PEM', () => {
    expect(publicKeyPem(privateKey)).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/,
    );
  });
});

describe('parseCheckpointCopy', () => {
  const signed = signCheckpoint(privateKey, checkpoint);
  const later = signCheckpoint(privateKey, { ...checkpoint, seq: 130, count: 127 });

  it('reads an array, a page of GET /v1/audit/checkpoints, and the worker’s JSON log lines', () => {
    expect(parseCheckpointCopy(JSON.stringify([signed, later]))).toEqual([signed, later]);
    expect(parseCheckpointCopy(JSON.stringify({ data: [later, signed], nextCursor: null }))).toEqual([
      later,
      signed,
    ]);
    const lines = [signed, later].map((c) =>
      JSON.stringify({ level: 30, msg: 'audit checkpoint', checkpoint: c }),
    );
    expect(parseCheckpointCopy(`${lines.join('\n')}\n`)).toEqual([signed, later]);
    expect(parseCheckpointCopy('')).toEqual([]);
  });

  it('refuses what is not a checkpoint, naming where', () => {
    expect(() => parseCheckpointCopy(JSON.stringify([signed, { ...later, seq: '130' }]))).toThrow(
      /checkpoint 2 /,
    );
    expect(() => parseCheckpointCopy('{"msg": "something else"}')).toThrow(/checkpoint 1 /);
  });
});
