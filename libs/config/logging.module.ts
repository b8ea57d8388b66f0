import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { activeSpanIds } from '@redress/observability';
import { stdSerializers } from 'pino';
import { AppConfig } from './app-config';
import { redactUrl } from './redact-url';

/** JSON logs with the request id on every line; credentials and secrets never reach a log. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
  '*.authorization',
];

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // nestjs-pino's default route, '{/*splat}', reaches @fastify/middie as '/{/*splat}', which matches
        // only '/': no request was logged at all
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.env.LOG_LEVEL,
          // the trace and span of the work a line is about, when tracing is on
          mixin: activeSpanIds,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          genReqId: (req: IncomingMessage) => String(req.headers['x-request-id'] ?? ''),
          // Lines logged while serving a request carry its id; the request itself appears once, on the
          // "request completed" line, as method, URL and status only. pino-http binds the request to a
          // child logger on every request, logged or not: serialising all headers there cost a filing
          // 15 % of its CPU (npm run bench), and headers are where the credentials are.
          quietReqLogger: true,
          customAttributeKeys: { reqId: 'requestId' },
          wrapSerializers: false,
          serializers: {
            req: (req: IncomingMessage & { originalUrl?: string }) => ({
              method: req.method,
              url: redactUrl(req.originalUrl ?? req.url ?? ''),
            }),
            res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
            err: stdSerializers.err,
          },
          autoLogging: {
            // middie hands the middleware the URL with its mount path stripped ('/'); the original is kept
            ignore: ({ originalUrl }: IncomingMessage & { originalUrl?: string }) =>
              originalUrl === '/health/live' || originalUrl === '/metrics',
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
