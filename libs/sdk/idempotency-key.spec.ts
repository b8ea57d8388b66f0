import { newIdempotencyKey } from './idempotency-key';

describe('newIdempotencyKey', () => {
  it('answers a UUID', () => {
    expect(newIdempotencyKey()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('answers 128 random bits in hex where crypto.randomUUID is missing (a browser page over plain HTTP)', () => {
    const randomUUID = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(crypto), 'randomUUID')!;
    Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      const [first, second] = [newIdempotencyKey(), newIdempotencyKey()];
      expect(first).toMatch(/^[0-9a-f]{32}$/);
      expect(second).toMatch(/^[0-9a-f]{32}$/);
      expect(first).not.toBe(second);
    } finally {
      Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', randomUUID);
    }
  });
});
