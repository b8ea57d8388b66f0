import { signToken } from '@redress/auth';
import { AppConfig } from '@redress/config';
import { ROLES, type Role } from '@redress/kernel';
import { Command, Option } from 'nest-commander';
import { CliOutput } from '../cli-output';
import { JsonCommand, type JsonOptions } from './json-option';

interface TokenOptions extends JsonOptions {
  sub?: string;
  roles?: string;
  ttl?: string;
}

@Command({
  name: 'token',
  description: 'a token signed with AUTH_JWT_SECRET: --sub <id> --roles <role>[,…] [--ttl s]',
})
export class TokenCommand extends JsonCommand {
  constructor(
    private readonly config: AppConfig,
    private readonly out: CliOutput,
  ) {
    super();
  }

  @Option({ flags: '--sub <id>', description: 'the subject' })
  parseSub(value: string): string {
    return value;
  }

  @Option({ flags: '--roles <roles>', description: `comma-separated: ${ROLES.join(', ')}` })
  parseRoles(value: string): string {
    return value;
  }

  @Option({ flags: '--ttl <seconds>', description: 'lifetime (default 3600)' })
  parseTtl(value: string): string {
    return value;
  }

  async run(_params: string[], options: TokenOptions): Promise<void> {
    const roles = (options.roles ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (!options.sub || roles.length === 0 || unknown.length > 0) {
      return this.out.fail(
        `usage: npm run token -- --sub <id> --roles <${ROLES.join('|')}>[,…] [--ttl seconds]` +
          (unknown.length ? `\nunknown role(s): ${unknown.join(', ')}` : ''),
        2,
      );
    }
    const expiresInSeconds = Number(options.ttl ?? 3600);
    const token = signToken(this.config, { sub: options.sub, roles: roles as Role[] }, { expiresInSeconds });
    this.out.print(options.json, { token, sub: options.sub, roles, expiresInSeconds }, [token]);
  }
}
