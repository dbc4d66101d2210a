import { UsageError } from '../errors.js';

/** Misuse of the signing API (an undecodable secret, a template the scheme cannot fill). */
export class SigningError extends UsageError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'SigningError';
  }
}
