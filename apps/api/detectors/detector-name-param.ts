import type { PipeTransform } from '@nestjs/common';
import { DomainError } from '@redress/kernel';

/** A detector's name as it can be stored (1–200 characters, no NUL): anything else names no detector, 404. */
export class DetectorNameParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (value.length < 1 || value.length > 200 || value.includes('\u0000'))
      throw DomainError.notFound('Detector');
    return value;
  }
}
