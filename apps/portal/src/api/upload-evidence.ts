import { problemOf, RedressProblem } from '@redress/sdk';
import { endSession, readSession } from '../session/session';
import type { Evidence } from './client';

/**
 * POST /v1/appeals/{id}/evidence with upload progress, which fetch cannot report: the one call the
 * page makes without the SDK's client. Failures are RedressProblems like the SDK's; the same
 * Idempotency-Key on a retry of the same file makes a lost answer harmless.
 */
export function uploadEvidence(
  appealId: string,
  file: File,
  idempotencyKey: string,
  onProgress: (fraction: number) => void,
): Promise<Evidence> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/v1/appeals/${encodeURIComponent(appealId)}/evidence`);
    const token = readSession()?.accessToken;
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(xhr.response as Evidence);
        return;
      }
      if (xhr.status === 401) endSession('expired');
      reject(new RedressProblem(problemOf(xhr.status, xhr.response)));
    };
    // the connection broke (or the server cut an oversized upload short before answering)
    xhr.onerror = () => reject(new RedressProblem(problemOf(0, null)));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
