/** A thin fetch wrapper over the REST API: bearer token, problem+json errors, ETag/If-Match, blobs. */

export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** The version the caller last saw; sent as If-Match so a stale change is refused with 412. */
  ifMatch?: number;
  /** For creating POSTs: the server replays the first answer instead of acting twice. */
  idempotent?: boolean;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

async function problemOf(response: Response): Promise<Problem> {
  const fallback: Problem = { status: response.status, code: `http_${response.status}` };
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: response.status };
  } catch {
    return fallback;
  }
}

/** The file name a download suggests (`filename*` first: it carries the exact UTF-8 name). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

export class ApiClient {
  constructor(
    private readonly token: () => string | null,
    private readonly onUnauthenticated: () => void = () => undefined,
    private readonly baseUrl = '',
  ) {}

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    accept: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
    if (options.idempotent) headers['Idempotency-Key'] = newIdempotencyKey();
    const response = await fetch(this.baseUrl + withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (!response.ok) {
      const problem = await problemOf(response);
      if (response.status === 401) this.onUnauthenticated();
      throw new ApiError(problem);
    }
    return response;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const response = await this.send(method, path, options, 'application/json');
    const text = response.status === 204 ? '' : await response.text();
    return { status: response.status, data: (text ? JSON.parse(text) : undefined) as T };
  }

  async get<T>(path: string, query?: Query): Promise<T> {
    return (await this.request<T>('GET', path, { query })).data;
  }

  async post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return (await this.request<T>('POST', path, { ...options, body: body ?? {} })).data;
  }

  /** Downloads that need the bearer header cannot be plain links: fetch them and hand out the bytes. */
  async blob(
    path: string,
    query?: Query,
    fallbackName = 'download',
  ): Promise<{ blob: Blob; fileName: string }> {
    const response = await this.send('GET', path, { query }, '*/*');
    return {
      blob: await response.blob(),
      fileName: fileNameOf(response.headers.get('Content-Disposition'), fallbackName),
    };
  }
}

/** Saves a blob as a file through a temporary object URL. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
