import { Module } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { AppConfig } from '@redress/config';
import { EvidenceModule } from '@redress/evidence';
import { EvidenceController } from './evidence.controller';
import { evidenceUploadOptions } from './evidence-upload.options';

/** The evidence routes, with multipart limits that apply to them alone. */
@Module({
  imports: [
    EvidenceModule,
    MultipartModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => evidenceUploadOptions(config.env.EVIDENCE_MAX_BYTES),
    }),
  ],
  controllers: [EvidenceController],
})
export class EvidenceApiModule {}
