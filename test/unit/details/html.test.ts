import assert from 'node:assert/strict';
import { detailsStrings } from '../../../src/details/hostStrings';
import { detailsCsp, escapeHtml, renderDetailsShell } from '../../../src/details/html';
import { parseDetailsStrings } from '../../../src/details/strings';
import { at, defined } from '../helpers/at';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const URIS = {
  scriptUri: `${CSP_SOURCE}/ext/dist/webview/details.js`,
  baseStyleUri: `${CSP_SOURCE}/ext/media/webview-base.css`,
  styleUri: `${CSP_SOURCE}/ext/media/details.css`,
  codiconUri: `${CSP_SOURCE}/ext/dist/codicons/codicon.css`,
};
const STRINGS = detailsStrings();
const NONCE = 'AbCdEfGhIjKlMnOpQrStUv';

function shell(title = 'SIM 789301'): string {
  return renderDetailsShell({ cspSource: CSP_SOURCE, nonce: NONCE, title, strings: STRINGS, ...URIS });
}

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'CSP meta present');
  return defined(m[1], 'CSP content').replace(/&#39;/g, "'");
}

describe('details HTML shell', () => {
  it('carries exactly the strict CSP', () => {
    const csp = cspOf(shell());
    assert.equal(
      csp,
      `default-src 'none'; img-src ${CSP_SOURCE} data:; style-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}; script-src 'nonce-${NONCE}';`,
    );
    assert.equal(csp, detailsCsp(CSP_SOURCE, NONCE));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(' ')[0], d]),
    );
    assert.equal(directives['default-src'], "default-src 'none'");
    assert.equal(directives['script-src'], `script-src 'nonce-${NONCE}'`);
    assert.equal(directives['connect-src'], undefined, 'no network access from the webview');
  });

  it('loads the one script with the nonce and nothing inline', () => {
    const html = shell();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    const script = at(scripts, 0);
    const attributes = defined(script[1], 'script attributes');
    assert.match(attributes, new RegExp(`nonce="${NONCE}"`));
    assert.match(attributes, new RegExp(`src="${URIS.scriptUri.replace(/[.+]/g, '\\$&')}"`));
    assert.equal(defined(script[2], 'script body').trim(), '', 'no inline script body');
    assert.doesNotMatch(html, /\sstyle=|<style|\son[a-z]+=/i, 'no inline styles or handlers');
  });

  it('links only the given URIs', () => {
    const html = shell();
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>;]+/g)].map((m) => m[0]);
    const allowed = new Set([CSP_SOURCE, ...Object.values(URIS)]);
    for (const u of urls) assert.ok(allowed.has(u), `unexpected URL ${u}`);
    for (const u of Object.values(URIS)) assert.ok(urls.includes(u), `${u} is used`);
    assert.match(html, /<main id="root"/);
  });

  it('escapes the title and refuses a weak nonce', () => {
    const html = shell('<script>alert(1)</script>"');
    assert.match(html, /<title>&#60;script&#62;alert\(1\)&#60;\/script&#62;&#34;<\/title>/);
    assert.throws(() => renderDetailsShell({ cspSource: CSP_SOURCE, nonce: "x' 'unsafe-inline", title: 't', strings: STRINGS, ...URIS }));
    assert.throws(() => renderDetailsShell({ cspSource: CSP_SOURCE, nonce: 'short', title: 't', strings: STRINGS, ...URIS }));
    assert.equal(escapeHtml(`<a href="x" title='y'>&`), '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;');
  });

  it('writes the webview strings into #root as escaped JSON that reads back whole', () => {
    const strings = { ...STRINGS, refresh: `"><script>alert(1)</script>&'\``, loading: '<img src=x onerror=alert(1)> Loading' };
    const html = renderDetailsShell({ cspSource: CSP_SOURCE, nonce: NONCE, title: 't', strings, ...URIS });
    const m = /<main id="root" class="details" data-strings="([^"]*)" aria-busy="true">/.exec(html);
    assert.ok(m, 'strings attribute on #root');
    const json = defined(m[1], 'attribute').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
    assert.deepEqual(parseDetailsStrings(json), strings);
    assert.equal(html.match(/<script/g)?.length, 1, 'no markup from the strings');
    assert.equal(html.match(/<img/g), null, 'the placeholder text is escaped');
    assert.match(html, /&#60;img src=x onerror=alert\(1\)&#62; Loading<\/p>/);
  });
});
