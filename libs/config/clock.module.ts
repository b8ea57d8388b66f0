import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@redress/kernel';

/** Time is part of the runtime environment; tests replace Clock to move it. */
@Global()
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
