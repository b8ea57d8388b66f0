import { RedressProblem } from '@redress/sdk';
import { useCallback, useState } from 'preact/hooks';
import { uploadEvidence } from '../../api/upload-evidence';
import { evidenceProblem } from '../../domain/evidence-rules';

export interface Upload {
  id: string;
  file: File;
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  /** A refusal decided here (size, type) or the server's RedressProblem. */
  error?: 'too_large' | 'wrong_type' | RedressProblem;
}

/** Worth trying again: the connection, a busy server, a request still in flight; not a refused file. */
export function retryable(upload: Upload): boolean {
  const error = upload.error;
  if (!(error instanceof RedressProblem)) return false;
  return (
    error.status === 0 ||
    error.status >= 500 ||
    error.code === 'idempotency_request_in_progress' ||
    error.code === 'rate_limited'
  );
}

/**
 * The files being sent, each with its own progress. A retry reuses the file's Idempotency-Key, so a
 * file whose answer was lost is not stored twice.
 */
export function useEvidenceUploads(appealId: string, onStored: () => void) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const update = (id: string, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...change } : u)));

  const send = useCallback(
    (upload: Upload) => {
      update(upload.id, { state: 'uploading', progress: 0, error: undefined });
      uploadEvidence(appealId, upload.file, upload.id, (progress) => update(upload.id, { progress })).then(
        () => {
          update(upload.id, { state: 'done', progress: 1 });
          onStored();
        },
        (error: RedressProblem) => update(upload.id, { state: 'failed', error }),
      );
    },
    [appealId, onStored],
  );

  const add = useCallback(
    (files: File[]) => {
      const added = files.map((file): Upload => {
        const refused = evidenceProblem(file);
        return {
          id: crypto.randomUUID(),
          file,
          progress: 0,
          state: refused ? 'failed' : 'uploading',
          error: refused ?? undefined,
        };
      });
      setUploads((all) => [...all, ...added]);
      added.filter((u) => u.state === 'uploading').forEach(send);
    },
    [send],
  );

  return { uploads, add, retry: send };
}
