// The status-bar summary: "$(radio-tower) 2,500 SIMs, 14 need attention". The text is
// built from numbers only; the tooltip lists per-status counts and the time of the last
// load with every label escaped (no links, no theme icons). Clicking focuses the view.
import * as vscode from 'vscode';
import { formatCount } from '../fleet/dataAmount';
import { escapeMarkdown } from '../fleet/markdown';
import { compareStatus, statusLabel } from '../fleet/status';
import { VIEW_ID } from '../util/ids';
import type { AttentionTracker } from './attentionTracker';
import type { FleetSnapshotSource } from './fleetSource';
import { affectsAny, GlanceSettingKeys, readGlanceSettings } from './glanceSettings';
import { STATUS_BAR_ID } from '../util/ids';

export { STATUS_BAR_ID };

export class FleetStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  readonly #disposables: vscode.Disposable[] = [];
  /** When the last automatic refresh ran (set by AutoRefresh). */
  #lastAutoRefreshAt: number | undefined;
  readonly #source: FleetSnapshotSource;
  readonly #tracker: AttentionTracker;

  constructor(source: FleetSnapshotSource, tracker: AttentionTracker) {
    this.#source = source;
    this.#tracker = tracker;
    this.item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 10);
    this.item.name = vscode.l10n.t('Telnyx SIM Cards');
    this.item.command = { command: `${VIEW_ID}.focus`, title: vscode.l10n.t('Show SIM Cards') };
    this.#disposables.push(
      this.item,
      tracker.onDidChange(() => this.#update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsAny(e, [GlanceSettingKeys.showStatusBar])) this.#update();
      }),
    );
    this.#update();
  }

  autoRefreshed(at: number): void {
    this.#lastAutoRefreshAt = at;
    this.#update();
  }

  #update(): void {
    const status = this.#source.status();
    if (status.kind === 'noKey' || !readGlanceSettings().showStatusBar) {
      this.item.hide();
      return;
    }
    const total = this.#tracker.total; // grows with the pages while a load runs
    const attention = this.#tracker.summary.total;
    const icon = status.kind === 'loading' ? '$(sync~spin)' : '$(radio-tower)';
    const counts =
      attention > 0
        ? vscode.l10n.t('{0} SIMs, {1} need attention', formatCount(total), formatCount(attention))
        : vscode.l10n.t('{0} SIMs', formatCount(total));
    this.item.text = `${icon} ${counts}`;
    this.item.backgroundColor = status.kind === 'error' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    // While a load runs this is called every few hundred ms: a plain line there, not markdown that
    // VS Code has to parse on every update; the counts per status come with the finished load.
    if (status.kind === 'loading') {
      const loading = vscode.l10n.t('Loading SIM cards…');
      if (this.item.tooltip !== loading) this.item.tooltip = loading;
    } else {
      this.item.tooltip = this.#tooltip(status.kind, status.loadedAt);
    }
    this.item.accessibilityInformation = { label: counts };
    this.item.show();
  }

  #tooltip(kind: string, loadedAt: number | undefined): vscode.MarkdownString {
    const md = new vscode.MarkdownString('', false);
    md.isTrusted = false;
    md.supportHtml = false;
    // Kept by the model as pages arrive: this runs on every page of a load.
    const counts = this.#source.statusCounts();
    const lines: string[] = [`**${escapeMarkdown(vscode.l10n.t('Telnyx SIM cards'))}**`, ''];
    for (const s of [...counts.keys()].sort(compareStatus)) {
      lines.push(`- ${escapeMarkdown(statusLabel(s))}: ${formatCount(counts.get(s) ?? 0)}`);
    }
    if (counts.size === 0) lines.push(escapeMarkdown(vscode.l10n.t('No SIM cards loaded.')));
    lines.push('');
    const attention = this.#tracker.summary.total;
    lines.push(
      escapeMarkdown(
        vscode.l10n.t(
          '{0} need attention (at or above {1}% of the data limit counts as near)',
          formatCount(attention),
          String(this.#tracker.threshold),
        ),
      ),
    );
    lines.push('');
    if (kind === 'error') lines.push(escapeMarkdown(vscode.l10n.t('The last load failed; showing the SIM cards loaded before.')), '');
    if (loadedAt !== undefined) lines.push(escapeMarkdown(vscode.l10n.t('Last loaded at {0}', new Date(loadedAt).toLocaleTimeString())));
    if (this.#lastAutoRefreshAt !== undefined) {
      lines.push('', escapeMarkdown(vscode.l10n.t('Last auto-refresh at {0}', new Date(this.#lastAutoRefreshAt).toLocaleTimeString())));
    }
    md.appendMarkdown(lines.join('\n'));
    return md;
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}
