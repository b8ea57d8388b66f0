/** An RFC 9457 problem as Redress answers it: `code` is the stable machine code to branch on. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
}

/** Thrown for every answer that is not a success; `problem` is the body Redress sent. */
export class RedressProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = 'RedressProblem';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

/** The problem an answer carries, or a stand-in naming its HTTP status when its body is not one. */
export function problemOf(status: number, body: unknown): Problem {
  const given = typeof body === 'object' && body !== null ? (body as Partial<Problem>) : {};
  return { ...given, status, code: typeof given.code === 'string' ? given.code : `http_${status}` };
}
