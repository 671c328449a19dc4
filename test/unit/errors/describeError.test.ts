import assert from 'node:assert/strict';
import * as E from '../../../src/telnyx/errors';
import { HOSTILE_DETAIL } from '../../../mock-api/server';
import { HOSTILE_STRINGS, liveLinkIn } from '../security/liveLinks';
import { ERROR_KINDS, NoApiKeyError, describeError, errorKind, type ErrorSubject } from '../../../src/telnyx/describeError';

const SUBJECTS: ErrorSubject[] = ['simCards', 'sim', 'sessions', 'apiKey', 'command'];

describe('describeError', () => {
  const samples = [
    new E.AuthenticationError('Telnyx refused GET /sim_cards (401).', { status: 401 }),
    new E.NotFoundError('Telnyx found nothing at GET /sim_cards/x (404).', { status: 404 }),
    new E.RateLimitError('Telnyx rate-limited GET /sim_cards (429).', { status: 429, retryAfterMs: 2500 }),
    new E.ServerError('Telnyx had a server error (503) on GET /sim_cards.', { status: 503 }),
    new E.NetworkError('connect ECONNREFUSED 127.0.0.1:1', { code: 'ECONNREFUSED' }),
    new E.TimeoutError('GET /sim_cards took longer than 30 s.'),
    new E.InvalidResponseError('Unexpected answer from Telnyx: response of GET /sim_cards was not JSON.'),
    new E.BadRequestError('The Telnyx API base URL must start with https:// (got "ftp:").'),
    new E.CancelledError(),
    new NoApiKeyError(),
    new Error('boom'),
  ];

  it('maps each typed client error, a missing key and anything else to its kind', () => {
    assert.deepEqual(samples.map(errorKind), [
      'auth',
      'notFound',
      'rateLimited',
      'server',
      'network',
      'timeout',
      'invalidResponse',
      'badRequest',
      'cancelled',
      'noKey',
      'unknown',
    ]);
    assert.deepEqual([...ERROR_KINDS].sort(), samples.map(errorKind).sort(), 'ERROR_KINDS lists every kind once');
    assert.equal(errorKind('auth'), 'unknown', 'a bare string is not a typed error');
    assert.equal(errorKind({ kind: 'auth' }), 'unknown', 'no duck typing');
  });

  it('words every kind differently, in one line, without repeating the technical message', () => {
    const texts = samples.map((e) => describeError(e, 'simCards'));
    assert.equal(new Set(texts).size, texts.length, texts.join('\n'));
    for (const [i, text] of texts.entries()) {
      assert.ok(text.length > 0 && !text.includes('\n'), text);
      const sample = samples[i];
      assert.ok(sample);
      const kind = errorKind(sample);
      if (kind !== 'badRequest' && kind !== 'unknown' && kind !== 'noKey') assert.ok(!text.includes(sample.message), `${kind}: ${text}`);
    }
  });

  it('says what to do for a rejected or missing key', () => {
    for (const subject of SUBJECTS) {
      // Under the key's own input box the sentence is about that key, not a command to run.
      if (subject === 'apiKey') {
        assert.match(describeError(samples[0], subject), /^Telnyx rejected this key \(401\): check/);
        assert.doesNotMatch(describeError(samples[0], subject), /Set API Key/);
        assert.match(describeError(new E.AuthenticationError('x', { status: 403 }), subject), /\(403\): it needs access to Wireless/);
      } else {
        assert.match(describeError(samples[0], subject), /rejected the API key.*Set API Key/);
      }
      assert.match(describeError(new NoApiKeyError(), subject), /No Telnyx API key.*Set API Key/);
    }
  });

  it('carries the useful detail: retry delay, HTTP status, the cause of a connection failure, the client sentence', () => {
    assert.match(describeError(new E.RateLimitError('x', { retryAfterMs: 2500 }), 'sim'), /try again in 2\.5 s\./);
    assert.match(describeError(new E.RateLimitError('x'), 'sim'), /try again in a moment\./);
    assert.match(describeError(new E.ServerError('x', { status: 503 }), 'sim'), /\(503\)/);
    assert.match(
      describeError(new E.NetworkError('x', { code: 'ENOTFOUND' }), 'sim', 'api.example.test'),
      /name api\.example\.test could not be found/,
    );
    assert.match(describeError(new E.NetworkError('x', { code: 'ECONNREFUSED' }), 'sim'), /refused the connection/);
    assert.equal(describeError(new E.BadRequestError('The base URL is not valid.'), 'command'), 'The base URL is not valid.');
  });

  it('names the real cause of every client reason, in one short sentence without repeating itself', () => {
    const host = 'api.telnyx.com';
    const seen = new Set<string>();
    for (const reason of E.TELNYX_ERROR_REASONS) {
      const error = new E.NetworkError(`technical message for ${reason}`, { reason, status: 500, timeoutMs: 10_000, retryAfterMs: 20_000 });
      for (const subject of SUBJECTS) {
        const text = describeError(error, subject, host);
        assert.ok(!text.includes('technical message'), `${reason}: the technical message stays in the log: ${text}`);
        assert.ok(!text.includes('\n'), text);
        // Three sidebar lines of about 50 characters each.
        assert.ok(text.length <= 150, `${reason}: ${text.length} characters: ${text}`);
        const sentences = text.split(/(?<=[.:?!])\s+/).map((x) => x.toLowerCase());
        assert.equal(new Set(sentences).size, sentences.length, `no sentence twice: ${text}`);
        assert.ok(!/\([^)]*\(/.test(text), `no nested parentheses: ${text}`);
        seen.add(text);
      }
    }
    assert.ok(seen.size >= E.TELNYX_ERROR_REASONS.length - 2, 'the reasons are told apart');
  });

  it('shows server text as inert plain text: no link, URL, command URI or icon survives', () => {
    for (const hostile of [HOSTILE_DETAIL, ...HOSTILE_STRINGS]) {
      const fromServer = new E.BadRequestError('Telnyx refused GET /sim_cards (422).', {
        status: 422,
        reason: 'badRequest',
        errors: [{ code: '10015', title: 'Invalid', detail: hostile }],
      });
      const thrown = new Error(hostile);
      for (const subject of SUBJECTS) {
        for (const text of [describeError(fromServer, subject), describeError(thrown, subject)]) {
          assert.equal(liveLinkIn(text), undefined, `${JSON.stringify(hostile)} -> ${JSON.stringify(text)}`);
          assert.ok(text.replace(/\u200b/g, '').length <= 150, text);
        }
      }
    }
    const text = describeError(
      new E.BadRequestError('x', { status: 422, reason: 'badRequest', errors: [{ detail: 'ICCID is not valid' }] }),
      'command',
    );
    assert.equal(text, 'Telnyx refused the request (422): ICCID is not valid');
  });

  it('words "not found" and unknown failures by subject', () => {
    assert.match(describeError(samples[1], 'sim'), /This SIM no longer exists/);
    assert.match(describeError(samples[1], 'simCards'), /apiBaseUrl/);
    assert.equal(describeError(new Error('boom'), 'simCards'), 'Could not load the SIM cards: boom');
    assert.equal(describeError(new Error('boom'), 'sim'), 'Could not load this SIM: boom');
    assert.equal(describeError('plain', 'command'), 'The command failed: plain');
    const unknown = new Set(SUBJECTS.map((s) => describeError(new Error('boom'), s)));
    assert.equal(unknown.size, SUBJECTS.length);
  });
});
