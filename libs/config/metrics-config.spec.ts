import { ConfigError, loadConfig } from './app-config';
import { generateKeyPairSync } from 'node:crypto';

const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: 'a'.repeat(32),
  ACCESS_TOKEN_SECRET: 'x'.repeat(32),
  AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string,
};

function problem(env: Record<string, string>): string | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message;
  }
}

describe('metrics and operations settings', () => {
  it('refuses production without METRICS_TOKEN in one line, unless METRICS_PUBLIC=true', () => {
    expect(problem(PRODUCTION)).toBe(
      'Invalid configuration: METRICS_TOKEN is required with NODE_ENV=production, unless METRICS_PUBLIC=true',
    );
    expect(problem({ ...PRODUCTION, METRICS_PUBLIC: 'true' })).toBeUndefined();
    expect(problem({ ...PRODUCTION, METRICS_TOKEN: 'scrape-token-0123456789' })).toBeUndefined();
    expect(problem({ METRICS_TOKEN: 'short' })).toMatch(/^Invalid configuration: METRICS_TOKEN="short": /);
  });

  it('has the documented defaults and accepts the standard OTEL_* variables', () => {
    const { env } = loadConfig({});
    expect(env).toMatchObject({
      SHUTDOWN_TIMEOUT_MS: 10000,
      WORKER_METRICS_PORT: 9464,
      METRICS_PUBLIC: false,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
    });
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(loadConfig({ AUTH_JWT_SECRET: 'a'.repeat(32) }).listenHost).toBe('0.0.0.0');
    expect(loadConfig({ AUTH_JWT_SECRET: 'a'.repeat(32), HOST: '10.0.0.5' }).listenHost).toBe('10.0.0.5');
    expect(loadConfig({ HOST: '10.0.0.5' }).listenHost).toBe('127.0.0.1'); // development tokens
    const traced = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'redress-api-eu',
    }).env;
    expect(traced.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://collector:4318');
    expect(traced.OTEL_SERVICE_NAME).toBe('redress-api-eu');
    expect(problem({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toMatch(
      /^Invalid configuration: OTEL_EXPORTER_OTLP_PROTOCOL=/,
    );
  });
});
