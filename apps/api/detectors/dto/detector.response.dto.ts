import { ApiProperty } from '@nestjs/swagger';
import {
  silentCount,
  versionFigures,
  type DetectorWave,
  type RateInterval,
  type VersionState,
  type WeekTally,
} from '@redress/detectors';

export class RateIntervalResponse {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.25,
    description: 'The estimated rate (0–1); null when part of the population has no decided case yet',
  })
  estimate: number | null;
  @ApiProperty({ example: 0.196, description: 'Lower limit of the 95 % interval' }) low: number;
  @ApiProperty({ example: 0.314, description: 'Upper limit of the 95 % interval' }) high: number;
}

export class SampleFiguresResponse {
  @ApiProperty({ description: 'Sample cases opened on the version’s suspensions' }) opened: number;
  @ApiProperty({ description: 'Of them still open' }) open: number;
  @ApiProperty({ description: 'Of them decided' }) reviewed: number;
  @ApiProperty({ description: 'Of the decided, overturned or modified (the detector was wrong)' })
  overturned: number;
  @ApiProperty({ description: 'Suspensions nobody appealed: the population the sample stands for' })
  silent: number;
  @ApiProperty({
    type: RateIntervalResponse,
    nullable: true,
    description:
      'False-positive rate among the silent: Wilson, finite-population corrected; null before a review',
  })
  falsePositiveRate: RateIntervalResponse | null;
}

export class DetectorWeekResponse {
  @ApiProperty({ format: 'date-time', description: 'Monday 00:00 UTC of the week the suspensions were made' })
  weekStart: string;
  @ApiProperty() suspensions: number;
  @ApiProperty() appealsFiled: number;
  @ApiProperty() appealsDecided: number;
  @ApiProperty() appealsOverturned: number;
  @ApiProperty() samplesReviewed: number;
  @ApiProperty() samplesOverturned: number;
}

export class DetectorVersionResponse {
  @ApiProperty({ example: 'distill-detector' }) name: string;
  @ApiProperty({ example: 'v3' }) version: string;
  @ApiProperty() suspensions: number;
  @ApiProperty({ description: 'Of them still active' }) active: number;
  @ApiProperty({ description: 'Suspensions whose person appealed' }) appealsFiled: number;
  @ApiProperty() appealsDecided: number;
  @ApiProperty({ description: 'Decided appeals overturned or modified' }) appealsOverturned: number;
  @ApiProperty({ description: 'appealsFiled / suspensions (0–1)' }) appealRate: number;
  @ApiProperty({
    type: RateIntervalResponse,
    nullable: true,
    description: 'Among decided appeals, with a 95 % Wilson interval; null before a decision',
  })
  overturnRate: RateIntervalResponse | null;
  @ApiProperty({ type: SampleFiguresResponse }) sample: SampleFiguresResponse;
  @ApiProperty({
    type: RateIntervalResponse,
    description:
      'Over all the version’s suspensions, appellants and the silent each weighted by their share (the breaker’s estimate)',
  })
  falsePositiveRate: RateIntervalResponse;
  @ApiProperty({ description: 'The breaker tripped: the lower bound passed DETECTOR_BREAKER_THRESHOLD' })
  flagged: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When last flagged or cleared',
  })
  flagChangedAt: string | null;
  @ApiProperty({ type: [DetectorWeekResponse], description: 'Up to the last 26 weeks with suspensions' })
  weekly: DetectorWeekResponse[];
}

export class DetectorWaveResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The version its suspensions carry' }) version: string;
  @ApiProperty() suspensions: number;
  @ApiProperty({ description: 'The wave’s own flag (overturn rate among its appeals)' }) flagged: boolean;
}

export class DetectorResponse {
  @ApiProperty({ example: 'distill-detector' }) name: string;
  @ApiProperty({ type: [DetectorVersionResponse] }) versions: DetectorVersionResponse[];
  @ApiProperty({ type: [DetectorWaveResponse] }) waves: DetectorWaveResponse[];
}

export class DrawnSampleResponse {
  @ApiProperty({ example: 'distill-detector' }) detector: string;
  @ApiProperty({ type: String, nullable: true, example: 'v3' }) version: string | null;
  @ApiProperty({ description: 'The seed the draw used' }) seed: string;
  @ApiProperty({ description: 'Active suspensions nobody appealed and no sample took, drawn from' })
  eligible: number;
  @ApiProperty({ description: 'Sample cases opened: the size asked for, or every eligible one if fewer' })
  opened: number;
  @ApiProperty({ type: [String], description: 'The sample cases (appeals with origin "sample")' })
  appealIds: string[];
}

const interval = (r: RateInterval): RateIntervalResponse => ({
  estimate: r.estimate,
  low: r.low,
  high: r.high,
});

export function toVersionResponse(v: VersionState, weeks: WeekTally[]): DetectorVersionResponse {
  const figures = versionFigures(v);
  return {
    name: v.detector.name,
    version: v.detector.version,
    suspensions: v.suspensions,
    active: v.active,
    appealsFiled: v.appealsFiled,
    appealsDecided: v.appealsDecided,
    appealsOverturned: v.appealsOverturned,
    appealRate: figures.appealRate,
    overturnRate: figures.overturnRate && interval(figures.overturnRate),
    sample: {
      opened: v.samplesOpened,
      open: v.samplesOpen,
      reviewed: v.samplesDecided,
      overturned: v.samplesOverturned,
      silent: silentCount(v),
      falsePositiveRate: figures.silentFalsePositiveRate && interval(figures.silentFalsePositiveRate),
    },
    // a version has suspensions, so the population is never empty
    falsePositiveRate: interval(figures.falsePositiveRate!),
    flagged: v.flagged,
    flagChangedAt: v.changedAt?.toISOString() ?? null,
    weekly: weeks
      .filter((w) => w.detector.name === v.detector.name && w.detector.version === v.detector.version)
      .map((w) => ({
        weekStart: w.weekStart.toISOString(),
        suspensions: w.suspensions,
        appealsFiled: w.appealsFiled,
        appealsDecided: w.appealsDecided,
        appealsOverturned: w.appealsOverturned,
        samplesReviewed: w.samplesDecided,
        samplesOverturned: w.samplesOverturned,
      })),
  };
}

export const toWaveRow = (w: DetectorWave): DetectorWaveResponse => ({ ...w });
