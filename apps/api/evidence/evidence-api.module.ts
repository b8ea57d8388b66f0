import { Module } from '@nestjs/common';
import { EvidenceModule } from '@redress/evidence';
import { EvidenceController } from './evidence.controller';

/** The evidence routes; their multipart limits are the upload interceptor's own. */
@Module({
  imports: [EvidenceModule],
  controllers: [EvidenceController],
})
export class EvidenceApiModule {}
