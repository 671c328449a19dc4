import { randomBytes } from 'crypto';

/** A fresh script nonce for each webview document (16 random bytes, base64url). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64url');
}
