import { CommandFactory, CommandRunnerService } from 'nest-commander';
import { CliModule } from './cli.module';
import { CliOutput } from './cli-output';

/**
 * Runs one command (`args` as after `npm run cli --`) and resolves with what it printed and its exit
 * status; main.ts passes the process's arguments, the tests their own.
 */
export async function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  sink: ((chunk: string) => void) | null = null,
): Promise<{ exitCode: number; output: string }> {
  const output = new CliOutput(sink);
  const app = await CommandFactory.createWithoutRunning(CliModule.forCommand(args[0], env, output), {
    logger: ['error'],
    errorHandler: (error) => {
      // commander's own exits (--help, an unknown option) are not failures of Redress
      if ((error as { code?: string }).code !== 'commander.helpDisplayed') output.fail(error.message, 2);
    },
  });
  try {
    await app.get(CommandRunnerService).run(['node', 'redress-cli', ...args]);
  } catch (error) {
    output.fail((error as Error).message, 2);
  } finally {
    await app.close();
  }
  return { exitCode: output.exitCode, output: output.text };
}
