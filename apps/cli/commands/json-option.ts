import { CommandRunner, Option } from 'nest-commander';

export interface JsonOptions {
  json?: boolean;
}

/** Every command prints for a person, or one JSON line with --json. */
export abstract class JsonCommand extends CommandRunner {
  @Option({ flags: '--json', description: 'print one JSON line' })
  parseJson(): boolean {
    return true;
  }
}
