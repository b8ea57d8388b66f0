import { Injectable } from '@nestjs/common';

/** Where a command writes, and how it exits: standard output and the exit status, or a test's buffer. */
@Injectable()
export class CliOutput {
  text = '';
  exitCode = 0;

  constructor(private readonly sink: ((chunk: string) => void) | null = null) {}

  /** `value` as one JSON line with --json, else `lines` for a person. */
  print(json: boolean | undefined, value: unknown, lines: string[]): void {
    this.write(json ? `${JSON.stringify(value)}\n` : lines.map((l) => `${l}\n`).join(''));
  }

  fail(message: string, exitCode = 1): void {
    this.exitCode = exitCode;
    this.write(`${message}\n`, true);
  }

  private write(chunk: string, error = false): void {
    this.text += chunk;
    if (this.sink) this.sink(chunk);
    else (error ? process.stderr : process.stdout).write(chunk);
  }
}
