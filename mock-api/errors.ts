// The Telnyx error envelope, `{"errors":[{code,title,detail,source}]}`, with the codes
// the real API uses for each case.
import type { ApiErrorItem } from '../src/telnyx/types';

export interface ErrorEnvelope {
  errors: ApiErrorItem[];
}

/** Thrown by handlers; the server turns it into an HTTP answer with the envelope. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly item: ApiErrorItem,
    readonly headers: Record<string, string> = {},
  ) {
    super(item.detail ?? item.title ?? `HTTP ${status}`);
  }

  get envelope(): ErrorEnvelope {
    return { errors: [this.item] };
  }
}

export const authFailed = (): HttpError =>
  new HttpError(401, {
    code: '10009',
    title: 'Authentication failed',
    // Deliberately generic: the key (or what was sent as one) is never echoed.
    detail: 'The API key looks malformed or is not valid. Check the Authorization header (Bearer <API key>).',
  });

export const notFound = (what: string): HttpError =>
  new HttpError(404, {
    code: '10005',
    title: 'Resource not found',
    detail: `The requested ${what} could not be found.`,
  });

export const routeNotFound = (): HttpError =>
  new HttpError(404, {
    code: '10005',
    title: 'Resource not found',
    detail: 'The requested resource or URL could not be found.',
  });

export const methodNotAllowed = (): HttpError =>
  new HttpError(405, { code: '10006', title: 'Method not allowed', detail: 'This method is not allowed on this resource.' });

export const invalidParameter = (parameter: string, detail: string): HttpError =>
  new HttpError(422, { code: '10015', title: 'Invalid value', detail, source: { parameter } });

export const unprocessable = (detail: string, pointer?: string): HttpError =>
  new HttpError(422, {
    code: '10015',
    title: 'Unprocessable entity',
    detail,
    ...(pointer ? { source: { pointer } } : {}),
  });

export const badRequest = (detail: string): HttpError => new HttpError(400, { code: '10015', title: 'Bad request', detail });

export function rateLimited(headers: Record<string, string>): HttpError {
  return new HttpError(
    429,
    { code: '10011', title: 'Too many requests', detail: 'You have exceeded the rate limit. Please retry later.' },
    headers,
  );
}

export function serverError(status: number): HttpError {
  if (status === 503) {
    return new HttpError(503, {
      code: '10007',
      title: 'Service unavailable',
      detail: 'The service is temporarily unavailable. Please retry later.',
    });
  }
  if (status === 408) {
    return new HttpError(408, { code: '10007', title: 'Request timeout', detail: 'The request took too long to complete.' });
  }
  if (status === 409) {
    return new HttpError(409, { code: '10007', title: 'Conflict', detail: 'The request conflicts with another request in progress.' });
  }
  if (status < 500) {
    return new HttpError(status, { code: '10015', title: 'Request failed', detail: `Injected ${status} answer.` });
  }
  return new HttpError(status, { code: '10007', title: 'Unexpected error', detail: 'An unexpected error occurred.' });
}
