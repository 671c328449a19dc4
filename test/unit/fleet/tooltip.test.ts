import assert from 'node:assert/strict';
import { escapeMarkdown } from '../../../src/fleet/markdown';
import { simTooltipMarkdown } from '../../../src/fleet/simTooltip';
import { simDescription, simLabel } from '../../../src/fleet/tooltip';
import { group, hostile, mb, sim, st } from './fixtures';

interface MarkdownRenderer {
  render(src: string): string;
}

/**
 * markdown-it (installed with @vscode/vsce) in its most permissive mode: raw HTML on and
 * bare-URL linkify on, stricter than VS Code's hover renderer. Undefined when absent.
 */
function loadRenderer(): MarkdownRenderer | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownIt = require('markdown-it') as new (opts: object) => MarkdownRenderer;
    return new MarkdownIt({ html: true, linkify: true });
  } catch {
    return undefined;
  }
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click](command:workbench.action.terminal.new)',
  '**bold** _em_ `code` ~~strike~~',
  '# heading',
  '| a | b |',
  'https://evil.example.com/x',
  'www.evil.example.com',
  '&lt;b&gt;entity&lt;/b&gt;',
  '$(alert) icon',
  '![img](http://x/y.png)',
  '\\*escaped\\*',
  '<https://auto.link>',
  '\n\n---\n\n# injected\n',
];

describe('fleet/tooltip', () => {
  describe('escapeMarkdown', () => {
    it('backslash-escapes Markdown punctuation', () => {
      assert.equal(escapeMarkdown('a*b_c'), 'a\\*b\\_c');
      assert.equal(escapeMarkdown('[x](y)'), '\\[x\\]\\(y\\)');
      assert.equal(escapeMarkdown('\\'), '\\\\');
      assert.equal(escapeMarkdown('a|b'), 'a\\|b');
      assert.equal(escapeMarkdown('<img onerror>'), '\\<img onerror\\>');
      assert.equal(escapeMarkdown('1.5 GB'), '1\\.5 GB');
      assert.equal(escapeMarkdown('plain 123 abc'), 'plain 123 abc');
    });

    it('collapses newlines and strips control and bidi characters', () => {
      assert.equal(escapeMarkdown('a\r\n\r\nb\tc'), 'a b c');
      assert.equal(escapeMarkdown('x\u0000\u202ey\u0007'), 'xy');
      assert.equal(escapeMarkdown(undefined), '');
      assert.equal(escapeMarkdown(42), '');
    });

    it('renders every hostile string as its literal text (no HTML, links or formatting)', function () {
      const md = loadRenderer();
      if (!md) {
        this.skip();
        return;
      }
      for (const s of HOSTILE) {
        const html = md.render(`**Value:** ${escapeMarkdown(s)}`);
        const body = html.replace(/^<p><strong>Value:<\/strong> /, '').replace(/<\/p>\n$/, '');
        assert.ok(!/<(?!\/?p>)[a-z!/]/i.test(body), `no tags for ${JSON.stringify(s)}: ${html}`);
        // Decode the HTML entities markdown-it writes and compare with the input on one line.
        const text = body
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        assert.equal(text, s.replace(/\s+/g, ' ').trim(), `literal text for ${JSON.stringify(s)}`);
      }
    });
  });

  describe('simTooltipMarkdown', () => {
    it('lists all fields with hard line breaks', () => {
      const g = group({ id: 'g-1', name: 'Meters EU', data_limit: mb('1', 'GB') });
      const s = sim({
        id: 'sim-1',
        iccid: '8931089318104000001',
        imsi: '001010000000001',
        msisdn: '+13109976224',
        status: st('disabled', 'Suspended by user'),
        type: 'esim',
        tags: ['fleet-a', 'north'],
        sim_card_group_id: 'g-1',
        data_limit: null,
        current_billing_period_consumed_data: mb('1536'),
        created_at: '2024-01-01T10:00:00Z',
        updated_at: '2024-02-03T04:05:06.789Z',
      });
      const md = simTooltipMarkdown(s, g);
      assert.deepEqual(md.split('  \n'), [
        '**ICCID:** 8931089318104000001',
        '**IMSI:** 001010000000001',
        '**MSISDN:** \\+13109976224',
        '**Status:** Disabled — Suspended by user',
        '**Type:** eSIM',
        '**Tags:** fleet\\-a, north',
        '**SIM card group:** Meters EU',
        '**Data used this period:** 1\\.5 GB',
        '**Data limit:** 1 GB \\(from its SIM card group\\)',
        '**Usage:** 150\\% — over the limit',
        '**Created:** 2024\\-01\\-01 10\\:00\\:00 UTC',
        '**Updated:** 2024\\-02\\-03 04\\:05\\:06 UTC',
        '**SIM ID:** sim\\-1',
      ]);
    });

    it('names the SIM as the limit source and says "none" without a limit', () => {
      const own = simTooltipMarkdown(sim({ data_limit: mb('2048'), current_billing_period_consumed_data: mb('1024') }));
      assert.match(own, /\*\*Data limit:\*\* 2 GB \\\(set on the SIM\\\)/);
      assert.match(own, /\*\*Usage:\*\* 50\\%(?! —)/);
      const none = simTooltipMarkdown(sim({ data_limit: null }));
      assert.match(none, /\*\*Data limit:\*\* none/);
      assert.doesNotMatch(none, /Usage:/);
    });

    it('shows an unknown group by short id and skips missing fields', () => {
      const md = simTooltipMarkdown(
        sim({
          iccid: null,
          imsi: null,
          msisdn: null,
          tags: null,
          sim_card_group_id: 'abcdef1234567',
          status: null,
          created_at: null,
          updated_at: 'not a date',
        }),
      );
      assert.doesNotMatch(md, /ICCID|IMSI|MSISDN|Tags|Created/);
      assert.match(md, /\*\*SIM card group:\*\* Unknown group \\\(abcdef12…\\\)/);
      assert.match(md, /\*\*Status:\*\* Unknown/);
      assert.match(md, /\*\*Updated:\*\* not a date/);
    });

    it('escapes every API string, so hostile records cannot inject Markdown or HTML', () => {
      const evil = '<img src=x onerror=alert(1)> [x](command:evil) **b**\n# h';
      const g = group({ id: 'g-evil', name: evil });
      const s = hostile({
        id: evil,
        iccid: evil,
        imsi: evil,
        msisdn: evil,
        status: { value: evil, reason: evil },
        type: evil,
        tags: [evil, evil],
        sim_card_group_id: 'g-evil',
        created_at: evil,
        updated_at: evil,
      });
      const md = simTooltipMarkdown(s, g);
      assert.doesNotMatch(md, /(^|[^\\])<img/);
      assert.doesNotMatch(md, /\]\(/);
      assert.doesNotMatch(md, /[^\\]\*\*b/);
      assert.doesNotMatch(md, /\n#/);
      // Only our own rows break lines.
      assert.equal(md.split('\n').length, 11);
      const r = loadRenderer();
      if (r) {
        const html = r.render(md);
        assert.doesNotMatch(html, /<(img|a|h1|script|em)\b/);
        assert.equal((html.match(/<strong>/g) ?? []).length, 11, 'only the field names are bold');
      }
    });
  });

  describe('simLabel and simDescription', () => {
    it('labels by ICCID, falling back to the id', () => {
      assert.equal(simLabel(sim({ iccid: '8931' })), '8931');
      assert.equal(simLabel(sim({ id: 'the-id', iccid: null })), 'the-id');
      assert.equal(simLabel(sim({ id: 'the-id', iccid: '  ' })), 'the-id');
      assert.equal(simLabel(sim({ iccid: '89\n31' })), '89 31');
    });

    it('describes as "MSISDN · usage", skipping missing parts', () => {
      const full = sim({ msisdn: '+13109976224', current_billing_period_consumed_data: mb('2049.0'), data_limit: mb('2048.0') });
      assert.equal(simDescription(full), '+13109976224 · 2 GB / 2 GB');
      assert.equal(simDescription(sim({ msisdn: null, current_billing_period_consumed_data: mb('512'), data_limit: null })), '512 MB');
      assert.equal(simDescription(sim({ msisdn: '+1', current_billing_period_consumed_data: null, data_limit: null })), '+1');
      assert.equal(simDescription(sim({ msisdn: null, current_billing_period_consumed_data: null, data_limit: null })), '');
    });

    it('uses the group limit when given the group', () => {
      const g = group({ data_limit: mb('1', 'GB') });
      assert.equal(
        simDescription(sim({ msisdn: null, sim_card_group_id: g.id, current_billing_period_consumed_data: mb('10') }), g),
        '10 MB / 1 GB',
      );
    });
  });
});

describe('rowLabel', () => {
  it('shows the last 12 digits of a long ICCID, short ones whole, else the id', async () => {
    const { rowLabel } = await import('../../../src/fleet/rowDescription');
    assert.equal(rowLabel({ id: 'a', iccid: '89012600010126875410' } as never), '…010126875410');
    assert.equal(rowLabel({ id: 'a', iccid: '8901260001' } as never), '8901260001');
    assert.equal(rowLabel({ id: 'sim-1' } as never), 'sim-1');
  });
});
