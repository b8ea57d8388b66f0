import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes'].includes(String(value).toLowerCase());
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const URL_OPTS = { require_tld: false, protocols: ['http', 'https'] };

/** Every environment variable Redress reads, with its default. The README table mirrors this class. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' =
    'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  // slow clients (slow-loris): a whole request must arrive within the first; an idle socket closes after the second
  @Transform(toInt) @IsInt() @Min(100) HTTP_REQUEST_TIMEOUT_MS = 30000;
  @Transform(toInt) @IsInt() @Min(100) HTTP_CONNECTION_TIMEOUT_MS = 60000;

  @IsString() DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/redress';
  // the owner that runs migrations; the apps themselves connect as DATABASE_URL (the restricted role)
  @Transform(emptyToUndefined) @IsOptional() @IsString() DATABASE_MIGRATION_URL?: string;
  @Transform(toInt) @IsInt() @Min(1) @Max(500) DATABASE_POOL_SIZE = 20;
  @Transform(toInt) @IsInt() @Min(100) DATABASE_STATEMENT_TIMEOUT_MS = 15000;
  @Transform(toInt) @IsInt() @Min(100) DATABASE_CONNECT_TIMEOUT_MS = 5000;

  @IsString() REDIS_URL = 'redis://127.0.0.1:6379';
  @IsString() @MinLength(1) REDIS_KEY_PREFIX = 'redress';

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(16) AUTH_JWT_SECRET?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUTH_JWT_PUBLIC_KEY?: string;
  @IsString() AUTH_JWT_ISSUER = 'redress';
  @IsString() AUTH_JWT_AUDIENCE = 'redress-api';
  @Transform(toInt) @IsInt() @Min(60) AUTH_MAX_TOKEN_TTL_SECONDS = 86400;

  // Ed25519 private key (PKCS#8 PEM) that signs audit checkpoints; generated into ./data in development
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUDIT_SIGNING_KEY?: string;
  @Transform(toInt) @IsInt() @Min(1) AUDIT_CHECKPOINT_SECONDS = 60;

  @Transform(toInt) @IsInt() @Min(1) @Max(3650) APPEAL_WINDOW_DAYS = 180;
  // fractional hours allowed (tests and drills use a few seconds)
  @Transform(toInt) @IsNumber() @Min(0.0001) APPEAL_DECISION_SLA_HOURS = 336;
  @Transform(toInt) @IsInt() @Min(1) @Max(100000) RATE_LIMIT_PER_MINUTE = 30;
  @IsString() ODS_BODY_NAME = 'Appeals Centre Europe';
  @IsUrl(URL_OPTS) ODS_BODY_URL = 'https://www.appealscentre.eu';

  @IsString() EVIDENCE_DIR = './data/evidence';
  @Transform(toInt) @IsInt() @Min(1) EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
  @Transform(emptyToUndefined) @IsOptional() @IsString() EVIDENCE_S3_BUCKET?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) EVIDENCE_S3_ENDPOINT?: string;
  @IsString() EVIDENCE_S3_REGION = 'us-east-1';

  @IsIn(['manual', 'webhook']) PAYOUT_PROVIDER: 'manual' | 'webhook' = 'manual';
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) PAYOUT_WEBHOOK_URL?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() PAYOUT_WEBHOOK_SECRET?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() SMTP_URL?: string;
  @IsString() MAIL_FROM = 'Redress <no-reply@redress.local>';
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) NOTIFY_WEBHOOK_URL?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() NOTIFY_WEBHOOK_SECRET?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) PLATFORM_WEBHOOK_URL?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() STAFF_EMAIL?: string;
  @Transform(toInt) @IsInt() @Min(1) @Max(50) NOTIFY_MAX_ATTEMPTS = 8;
  @Transform(toInt) @IsInt() @Min(10) NOTIFY_BACKOFF_MS = 1000;

  @Transform(toInt) @IsInt() @Min(10) OUTBOX_POLL_MS = 100;
  @Transform(toInt) @IsInt() @Min(1000) OUTBOX_RELAY_TIMEOUT_MS = 60000;
  @Transform(toInt) @IsInt() @Min(50) SWEEP_INTERVAL_MS = 5000;
  @Transform(toInt) @IsInt() @Min(1) WORKER_CONCURRENCY = 16;
  @Transform(toInt) @IsInt() @Min(50) BULK_NOTICES_PER_SECOND = 1000;

  @Transform(toBool) @IsBoolean() SWAGGER_ENABLED = true;
}
