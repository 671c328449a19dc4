// Where the API key may be sent. Pure: the vscode layer (services/hostGate.ts) asks the
// user about hosts this accepts but that are not Telnyx.
import * as l10n from '@vscode/l10n';
import { SettingKeys } from '../util/ids';

export const TELNYX_BASE_URL = 'https://api.telnyx.com/v2';
export const BASE_URL_SETTING = SettingKeys.apiBaseUrl;

export type BaseUrlVerdict =
  /** The Telnyx API itself: no question. */
  | { ok: true; url: string; kind: 'default' }
  /** This computer (the local Telnyx API, a test server): no question. */
  | { ok: true; url: string; kind: 'loopback' }
  /** Another https host: send the key only after the user allowed it. */
  | { ok: true; url: string; kind: 'other' }
  | { ok: false; message: string };

/** True for 127.0.0.0/8, ::1 and localhost (URL.hostname form: IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '[::1]' || h === '::1') return true;
  // An IPv4-mapped IPv6 loopback ([::ffff:7f00:1]) is normalised by URL to hex words.
  const mapped = /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.exec(h);
  if (mapped) return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m[1] === '127' && m.slice(2).every((p) => Number(p) <= 255);
}

/** The URL `text` spells, or undefined when it is not one. */
export function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * Checks a base URL setting: https to any host, http only to this computer. The URL is
 * returned normalised (no trailing slash) so that the same setting always gives the same
 * string to remember an answer by.
 */
export function checkBaseUrl(value: string | undefined): BaseUrlVerdict {
  const text = (value ?? '').trim() || TELNYX_BASE_URL;
  const url = parseUrl(text);
  if (url === undefined) return { ok: false, message: l10n.t('The setting {0} is not a valid URL.', BASE_URL_SETTING) };
  if (url.username || url.password) {
    return { ok: false, message: l10n.t('The setting {0} must not contain a user name or password.', BASE_URL_SETTING) };
  }
  if (url.search || url.hash) {
    return { ok: false, message: l10n.t('The setting {0} must not contain a query or fragment.', BASE_URL_SETTING) };
  }
  const normalized = url.toString().replace(/\/+$/, '');
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:') {
    if (loopback) return { ok: true, url: normalized, kind: 'loopback' };
    return {
      ok: false,
      message: l10n.t(
        'The setting {0} must start with https:// (http:// is allowed only for this computer: localhost, 127.0.0.1 or ::1), so the API key never travels unencrypted.',
        BASE_URL_SETTING,
      ),
    };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, message: l10n.t('The setting {0} must start with https://.', BASE_URL_SETTING) };
  }
  if (normalized === TELNYX_BASE_URL) return { ok: true, url: normalized, kind: 'default' };
  return { ok: true, url: normalized, kind: loopback ? 'loopback' : 'other' };
}

/**
 * A short note for the view when requests go somewhere other than Telnyx ("Server:
 * 127.0.0.1:4010"), or undefined for the default. The host comes from the user's own
 * setting, reduced to URL host syntax, so it cannot carry links or icons.
 */
export function nonDefaultHostNote(value: string | undefined): string | undefined {
  const verdict = checkBaseUrl(value);
  if (!verdict.ok || verdict.kind === 'default') return undefined;
  const host = new URL(verdict.url).host;
  return l10n.t('Server: {0}', host);
}

/** The question asked before the key first goes to a non-Telnyx https host. */
export function sendKeyQuestion(url: string): string {
  return l10n.t('Send your Telnyx API key to {0}?', url);
}
