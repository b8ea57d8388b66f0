import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { Metrics } from './metrics/metrics';
import { stopTracing } from './tracing/start-tracing';

/** The process's metrics registry for every lib, and the last spans sent as the process stops. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class ObservabilityModule implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}
