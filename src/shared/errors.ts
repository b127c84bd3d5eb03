import type { Lang, Params } from './text';

export type { Lang, Params };

export interface ErrorDetail {
  field?: string;
  line?: number;
  location?: string;
  reason?: string;
  [key: string]: unknown;
}

/**
 * A refusal the client can act on. `code` is stable (UPPER_SNAKE), separate from the
 * HTTP status; the text is rendered from the catalogue in the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Params = {},
    readonly details?: ErrorDetail[],
  ) {
    super(code);
    this.name = 'AppError';
  }
}
