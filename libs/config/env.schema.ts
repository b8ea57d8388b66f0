import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
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

/**
 * Every environment variable Redress reads, with its default. docs/configuration.md is generated from
 * this class (`npm run docs:config`, checked by libs/config/configuration-doc.spec.ts): the comment on
 * each property is its meaning there, and `@default` states a default the class cannot show.
 */
export class EnvironmentVariables {
  /**
   * `production` refuses to start without a key source for tokens (`AUTH_OIDC_ISSUER`, `AUTH_JWKS_URL`,
   * `AUTH_JWT_PUBLIC_KEY` or `AUTH_JWT_SECRET`) and without `AUDIT_SIGNING_KEY`; `development` with no key
   * source serves `POST /v1/dev/token` and listens on 127.0.0.1 only; `test` is what the test suites run with.
   */
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' =
    'development';
  /** The API's HTTP port. */
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  /**
   * The address the API and the worker's metrics endpoint listen on (`0.0.0.0`: every interface).
   * @default `0.0.0.0`; `127.0.0.1` in development without a key source, whatever this says
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(1) HOST?: string;
  /** Level of the JSON log lines (pino) on standard output. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /**
   * A whole request, head and body, must arrive within this, else 408 and the connection closes
   * (slow clients).
   */
  @Transform(toInt) @IsInt() @Min(100) HTTP_REQUEST_TIMEOUT_MS = 30000;
  /** A connection with no traffic at all is closed after this. */
  @Transform(toInt) @IsInt() @Min(100) HTTP_CONNECTION_TIMEOUT_MS = 60000;

  /**
   * PostgreSQL as the API and the worker use it; in production the restricted role `redress_app`,
   * which owns nothing.
   */
  @IsString() DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/redress';
  /**
   * The database owner, who creates the database if missing and applies the migrations. In
   * production keep it out of the apps' environment and run `npm run migrate` with it before they start.
   * @default `DATABASE_URL`
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() DATABASE_MIGRATION_URL?: string;
  /** PostgreSQL connections per process. */
  @Transform(toInt) @IsInt() @Min(1) @Max(500) DATABASE_POOL_SIZE = 20;
  /** Longest any SQL statement may run. */
  @Transform(toInt) @IsInt() @Min(100) DATABASE_STATEMENT_TIMEOUT_MS = 15000;
  /**
   * How long a request waits for a database connection before it is answered 503
   * `dependency_unavailable`.
   */
  @Transform(toInt) @IsInt() @Min(100) DATABASE_CONNECT_TIMEOUT_MS = 5000;
  /**
   * A streaming replica of the database (same role and password as `DATABASE_URL`) for the read-only
   * endpoints: the review queue, lists, reports, exports, statements of reasons, ledger and
   * reconciliation reads. Transactions, and every read that decides a write, stay on the primary.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() DATABASE_REPLICA_URL?: string;
  /**
   * How far the replica may trail the primary, measured by WAL position (how long ago the primary was
   * where the replica has replayed to); further behind, or unreachable, and reads go to the primary.
   */
  @Transform(toInt) @IsInt() @Min(0) DATABASE_REPLICA_MAX_LAG_MS = 5000;

  /** Redis, which holds the job queues and the rate-limit counters. */
  @IsString() REDIS_URL = 'redis://127.0.0.1:6379';
  /** Prefix of every Redis key, so that several installations or test runs can share one Redis. */
  @IsString() @MinLength(1) REDIS_KEY_PREFIX = 'redress';
  /**
   * A Redis Cluster instead of one Redis: some of its nodes as `host:port,host:port`, from which the
   * rest are discovered. With it `REDIS_URL` is ignored and the job queues' keys carry the prefix as a
   * hash tag (`{redress}`), so that each queue's keys share a slot.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, {
    message: 'REDIS_CLUSTER_NODES must be host:port,host:port',
  })
  REDIS_CLUSTER_NODES?: string;

  /**
   * The identity provider's OpenID Connect issuer URL: its JWKS is found through
   * `<issuer>/.well-known/openid-configuration`, and every token's `iss` must be exactly this
   * (`AUTH_JWT_ISSUER` is then not used). One key source only: this, `AUTH_JWKS_URL`,
   * `AUTH_JWT_PUBLIC_KEY` or `AUTH_JWT_SECRET` (docs/identity.md).
   */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) AUTH_OIDC_ISSUER?: string;
  /** The identity provider's JWKS endpoint, when it publishes no discovery document; `iss` is `AUTH_JWT_ISSUER`. */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) AUTH_JWKS_URL?: string;
  /**
   * How long fetched JWKS keys are used before they are fetched again (a key removed from the JWKS is
   * refused after this). A token with an unknown `kid` fetches them at once, at most once per 30 s (or
   * per this, if shorter); while the endpoint is down the last keys fetched stay in use.
   */
  @Transform(toInt) @IsInt() @Min(1) AUTH_JWKS_CACHE_SECONDS = 600;
  /**
   * Public key (PEM: RSA, EC or Ed25519; `\n` for newlines on one line) that verifies bearer tokens.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUTH_JWT_PUBLIC_KEY?: string;
  /**
   * HS256 key (at least 16 characters) that verifies bearer tokens.
   * @default a built-in development secret outside production when no key source is set, with a warning at start
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(16) AUTH_JWT_SECRET?: string;
  /**
   * The signature algorithms accepted, comma-separated; never `none`, and no `HS*` with a public-key
   * source (`AUTH_OIDC_ISSUER`, `AUTH_JWKS_URL`, `AUTH_JWT_PUBLIC_KEY`).
   * @default `RS256,PS256,ES256,EdDSA` with a public-key source, `HS256` with `AUTH_JWT_SECRET`
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUTH_JWT_ALGORITHMS?: string;
  /** The `iss` claim every token must carry (with `AUTH_OIDC_ISSUER`, that issuer instead). */
  @IsString() AUTH_JWT_ISSUER = 'redress';
  /** What every token's `aud` must be, or contain when it is an array. */
  @IsString() AUTH_JWT_AUDIENCE = 'redress-api';
  /**
   * The claim that holds the caller's roles, as a dot path (`realm_access.roles`, `groups`; a claim
   * whose own name has dots, like `https://example.com/roles`, is matched whole): an array of names,
   * or one string of names separated by spaces.
   */
  @IsString() @MinLength(1) AUTH_ROLES_CLAIM = 'roles';
  /**
   * What the identity provider's role names stand for, `idp-name=redress-role,…`; names not listed
   * are ignored.
   * @default none: the names are taken as Redress roles
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUTH_ROLE_MAP?: string;
  /** The claim (a dot path) that names the caller: an account id for appellants. */
  @IsString() @MinLength(1) AUTH_SUBJECT_CLAIM = 'sub';
  /** Clock skew allowed between the identity provider and the API, on `exp`, `nbf` and `iat`. */
  @Transform(toInt) @IsInt() @Min(0) @Max(300) AUTH_CLOCK_TOLERANCE_SECONDS = 30;
  /**
   * Longest token lifetime accepted: `exp` minus `iat` (minus now when there is no `iat`);
   * a longer-lived token is a 401.
   */
  @Transform(toInt) @IsInt() @Min(60) AUTH_MAX_TOKEN_TTL_SECONDS = 86400;

  /**
   * Ed25519 private key (PKCS#8 PEM; `\n` for newlines on one line) that signs the audit
   * checkpoints. Required in production; keep it out of the database and its backups.
   * @default generated into `data/audit-signing-key.pem` in development (kept in memory under `test`)
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUDIT_SIGNING_KEY?: string;
  /**
   * While audit events keep coming, the worker signs a checkpoint of the global chain at least this
   * often.
   */
  @Transform(toInt) @IsInt() @Min(1) AUDIT_CHECKPOINT_SECONDS = 60;

  /**
   * How long after a suspension its account holder may appeal (the EU Digital Services Act asks
   * for at least six months).
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(3650) APPEAL_WINDOW_DAYS = 180;
  /**
   * From filing to the decision deadline; the clock pauses while the appeal awaits the
   * appellant. Fractions are allowed (tests and drills use a few seconds).
   */
  @Transform(toInt) @IsNumber() @Min(0.0001) APPEAL_DECISION_SLA_HOURS = 336;
  /**
   * The detector breaker: a detector version is flagged (its open cases gain priority, the platform
   * hears `detector.flagged`) once the lower 95 % bound of its estimated false-positive rate exceeds
   * this share (docs/detectors.md); it is cleared when a later estimate is back at or under it.
   */
  @Transform(toInt) @IsNumber() @Min(0) @Max(1) DETECTOR_BREAKER_THRESHOLD = 0.1;
  /** Appellant writes per subject per minute (one fixed window in Redis); more are a 429. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000) RATE_LIMIT_PER_MINUTE = 30;
  /** The out-of-court dispute settlement body that decision notices name. */
  @IsString() ODS_BODY_NAME = 'Appeals Centre Europe';
  /** That body's web address, in decision notices. */
  @IsUrl(URL_OPTS) ODS_BODY_URL = 'https://www.appealscentre.eu';

  /**
   * Local evidence storage, content-addressed; uploads are spooled into its `tmp` folder. Nothing
   * serves it.
   */
  @IsString() EVIDENCE_DIR = './data/evidence';
  /** Largest evidence file (10 MiB); the byte after it ends the upload with 413. */
  @Transform(toInt) @IsInt() @Min(1) EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
  /**
   * When set, evidence is stored in this S3-compatible bucket instead of `EVIDENCE_DIR` (needed
   * with more than one API process); credentials come from the AWS SDK's default chain, e.g.
   * `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() EVIDENCE_S3_BUCKET?: string;
  /** An S3-compatible endpoint other than AWS, addressed path-style. */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) EVIDENCE_S3_ENDPOINT?: string;
  /** The bucket's region. */
  @IsString() EVIDENCE_S3_REGION = 'us-east-1';

  /**
   * How approved refunds are paid: `manual` (finance records each payment) or `webhook` (a signed
   * request to `PAYOUT_WEBHOOK_URL`).
   */
  @IsIn(['manual', 'webhook']) PAYOUT_PROVIDER: 'manual' | 'webhook' = 'manual';
  /** Where the `webhook` payout provider sends payout requests; required with it. */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) PAYOUT_WEBHOOK_URL?: string;
  /**
   * Secrets that sign payout requests, comma-separated (each listed secret signs, for rotation;
   * docs/api.md); required with the `webhook` payout provider. A `whsec_…` secret is base64.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() PAYOUT_WEBHOOK_SECRET?: string;

  /** SMTP server for e-mail notices, e.g. `smtp://user:password@mail:587`; unset, no e-mail is sent. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() SMTP_URL?: string;
  /** Sender of e-mail notices. */
  @IsString() MAIL_FROM = 'Redress <no-reply@redress.local>';
  /** Receives every account and staff notice as a signed webhook. */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) NOTIFY_WEBHOOK_URL?: string;
  /**
   * Secrets that sign notification webhooks, comma-separated (each listed secret signs, for rotation;
   * docs/api.md); unset, they are sent unsigned. A `whsec_…` secret is base64.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() NOTIFY_WEBHOOK_SECRET?: string;
  /** Receives `suspension.lifted` webhooks, for the platform to reinstate the account. */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) PLATFORM_WEBHOOK_URL?: string;
  /** Secrets that sign platform webhooks, comma-separated like the others; unset, `NOTIFY_WEBHOOK_SECRET`'s. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() PLATFORM_WEBHOOK_SECRET?: string;
  /**
   * The DSA Transparency Database's API, e.g. `https://transparency.dsa.ec.europa.eu`. With
   * DSA_TDB_TOKEN, the worker submits every published statement of reasons to it (docs/dsa.md).
   */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) DSA_TDB_URL?: string;
  /** The platform's API token for the Transparency Database; unset, no statement is submitted. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() DSA_TDB_TOKEN?: string;
  /** Where staff notices (`sla.breached`) are e-mailed. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() STAFF_EMAIL?: string;
  /** Delivery attempts before an e-mail or webhook notification is `dead`. */
  @Transform(toInt) @IsInt() @Min(1) @Max(50) NOTIFY_MAX_ATTEMPTS = 8;
  /**
   * Base of the retry backoff: after the n-th failure, a random wait between half and all of
   * this × 2^(n−1), at most 6 h.
   */
  @Transform(toInt) @IsInt() @Min(10) NOTIFY_BACKOFF_MS = 1000;

  /** How often the worker looks for new outbox rows. */
  @Transform(toInt) @IsInt() @Min(10) OUTBOX_POLL_MS = 100;
  /**
   * An event relayed to Redis and not finished after this is relayed again (Redis lost it);
   * also a delivery's lease, after which the sweep queues it again.
   */
  @Transform(toInt) @IsInt() @Min(1000) OUTBOX_RELAY_TIMEOUT_MS = 60000;
  /**
   * How often the worker sweeps for SLA breaches, ended information requests, reminders and
   * deliveries owed.
   */
  @Transform(toInt) @IsInt() @Min(50) SWEEP_INTERVAL_MS = 5000;
  /** Jobs each worker process runs at once on each of its notice queues (events, bulk events, deliveries). */
  @Transform(toInt) @IsInt() @Min(1) WORKER_CONCURRENCY = 16;
  /**
   * Pace of a ban wave's notices, across all workers: 25,000 go out in about 27 s, and the
   * receiving webhook and mail relay are not taken by storm. At this pace they use about one core (worker
   * and PostgreSQL together); on a machine shared with the API a slower pace leaves more of it to a wave
   * still arriving (docs/performance.md).
   */
  @Transform(toInt) @IsInt() @Min(50) BULK_NOTICES_PER_SECOND = 1000;

  /**
   * Where people reach Redress: the base of every link it sends (the appeal page `/appeal`, one-time
   * access links), without a trailing slash.
   */
  @IsUrl(URL_OPTS) PUBLIC_URL = 'http://127.0.0.1:3000';
  /**
   * HS256 key (at least 32 characters) that signs and verifies the access tokens Redress issues for
   * one-time links (issuer `redress-access`, docs/identity.md); never the platform's `AUTH_JWT_SECRET`.
   * Required in production.
   * @default a built-in development secret outside production
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32) ACCESS_TOKEN_SECRET?: string;
  /** How long a one-time access link, once e-mailed, can be used. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1440) ACCESS_LINK_TTL_MINUTES = 30;
  /** How long the access token that a link is exchanged for lasts. */
  @Transform(toInt) @IsInt() @Min(1) @Max(24) ACCESS_SESSION_HOURS = 12;
  /** Access links that may be asked for one e-mail address per hour (one fixed window in Redis); more are a 429. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000) ACCESS_LINK_REQUESTS_PER_ADDRESS = 5;
  /** Access links that may be asked for from one client IP address per hour; more are a 429. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000) ACCESS_LINK_REQUESTS_PER_IP = 30;

  /** Serve Swagger UI at `/docs` and the OpenAPI document at `/docs-json`. */
  @Transform(toBool) @IsBoolean() SWAGGER_ENABLED = true;

  /**
   * After SIGTERM, the API and the worker exit within this: requests still running near the end are
   * answered 503 `dependency_unavailable` (their transactions roll back), jobs still running are left
   * to be retried from the outbox.
   */
  @Transform(toInt) @IsInt() @Min(1000) SHUTDOWN_TIMEOUT_MS = 10000;
  /** The worker's HTTP port for `/metrics`, `/health/live` and `/health/ready` (0: any free port). */
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) WORKER_METRICS_PORT = 9464;
  /**
   * When set, `/metrics` on the API and the worker answers only `Authorization: Bearer <METRICS_TOKEN>`
   * (at least 16 characters). Required in production unless `METRICS_PUBLIC=true`.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(16) METRICS_TOKEN?: string;
  /** Lets production serve `/metrics` without `METRICS_TOKEN`, for a network where only Prometheus reaches it. */
  @Transform(toBool) @IsBoolean() METRICS_PUBLIC = false;

  /**
   * OpenTelemetry's OTLP/HTTP collector, e.g. `http://otel-collector:4318` (traces go to `/v1/traces`
   * under it). Set, the API and the worker send traces; unset, tracing is off and costs nothing.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl(URL_OPTS) OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  /** How traces are sent to `OTEL_EXPORTER_OTLP_ENDPOINT`: protobuf or JSON over HTTP. */
  @IsIn(['http/protobuf', 'http/json']) OTEL_EXPORTER_OTLP_PROTOCOL = 'http/protobuf';
  /**
   * The `service.name` of the traces.
   * @default `redress-api` for the API, `redress-worker` for the worker
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() OTEL_SERVICE_NAME?: string;
  /**
   * Which traces are kept, by OpenTelemetry's names; with the default a request that arrives with a
   * sampled `traceparent` is traced, and one without is traced too.
   */
  @IsIn([
    'always_on',
    'always_off',
    'traceidratio',
    'parentbased_always_on',
    'parentbased_always_off',
    'parentbased_traceidratio',
  ])
  OTEL_TRACES_SAMPLER = 'parentbased_always_on';
  /** The sampler's argument: the ratio of traces kept (0–1) with the `traceidratio` samplers. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() OTEL_TRACES_SAMPLER_ARG?: string;
}
