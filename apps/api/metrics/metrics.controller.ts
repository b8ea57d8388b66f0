import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiPublicProblems } from '@redress/http';
import { Public } from '@redress/auth';
import { HttpMetrics } from './http-metrics';

@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: HttpMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'The Prometheus text exposition format, version 0.0.4',
    content: {
      'text/plain': {
        schema: { type: 'string' },
        example:
          'redress_outbox_backlog 0\nredress_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/v1/appeals/:id",status="200"} 12\n',
      },
    },
  })
  @ApiPublicProblems('unauthenticated')
  @ApiOperation({
    operationId: 'getMetrics',
    summary: 'Prometheus metrics',
    description:
      'Request latency, the outbox backlog and the queues, in the Prometheus text format. Open to anyone ' +
      'unless METRICS_TOKEN is set; then it needs `Authorization: Bearer <METRICS_TOKEN>` (else 401).',
    // either no token, or METRICS_TOKEN where it is configured: the document is the same either way
    security: [{}, { metricsToken: [] }],
  })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
