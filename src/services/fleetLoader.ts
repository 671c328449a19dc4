import * as vscode from 'vscode';
import { isTelnyxError, type TelnyxClient } from '../telnyx';
import type { SimCard, SimCardGroup, SimCardQuery } from '../telnyx/types';
import { VIEW_ID } from '../util/ids';

/** What the view shows: the SIMs, where they came from, and whether loading finished. */
export interface FleetView {
  readonly sims: readonly SimCard[];
  readonly groupsById: ReadonlyMap<string, SimCardGroup>;
  /** False while pages are still arriving. */
  readonly complete: boolean;
  readonly loadedAt: number | undefined;
  readonly totalResults: number | undefined;
}

export type LoadStatus =
  | { readonly kind: 'noKey' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded' }
  | { readonly kind: 'error'; readonly error: unknown };

const EMPTY: FleetView = { sims: [], groupsById: new Map(), complete: true, loadedAt: undefined, totalResults: undefined };

/** Pages arrive fast; the tree is redrawn at most this often while loading. */
const PARTIAL_UPDATE_MS = 150;

/**
 * Loads the fleet for a query. One load at a time: a new refresh cancels the one in
 * flight. A failed load puts the last good fleet back, so the tree never goes blank.
 */
export class FleetLoader implements vscode.Disposable {
  private lastGood: FleetView = EMPTY;
  private current: FleetView = EMPTY;
  private statusValue: LoadStatus = { kind: 'loading' };
  private inFlight: AbortController | undefined;
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get view(): FleetView {
    return this.current;
  }

  get status(): LoadStatus {
    return this.statusValue;
  }

  /** The last successfully completed load (for "showing SIMs from ..."). */
  get lastGoodView(): FleetView {
    return this.lastGood;
  }

  /** Shows the welcome view: no key, so nothing to load and nothing to keep. */
  setNoKey(): void {
    this.cancel();
    this.lastGood = EMPTY;
    this.current = EMPTY;
    this.statusValue = { kind: 'noKey' };
    this.changed.fire();
  }

  /** A load that could not even start (e.g. an invalid base URL): keep the last good fleet. */
  fail(error: unknown): void {
    this.cancel();
    this.current = this.lastGood;
    this.statusValue = { kind: 'error', error };
    this.changed.fire();
  }

  cancel(): void {
    // A cancelled load must not write its outcome over whatever replaced it.
    this.generation++;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  /**
   * Loads every page for `query`; resolves when this load ends (or is superseded). `keep`
   * narrows the result where the API could not (statuses it does not filter).
   */
  async load(client: TelnyxClient, query: SimCardQuery, concurrency: number, keep: (sim: SimCard) => boolean = () => true): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.inFlight = controller;
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation;

    this.statusValue = { kind: 'loading' };
    this.changed.fire();

    await vscode.window.withProgress(
      { location: { viewId: VIEW_ID }, title: vscode.l10n.t('Loading SIM cards') },
      async () => {
        try {
          // Groups give names and data limits; a SIM list without them is still useful.
          // Never rejects, so a cancelled SIM load leaves no unhandled rejection behind.
          const groupsPromise = client.listAllSimCardGroups(controller.signal).catch(() => undefined);
          const partial: SimCard[] = [];
          let lastDraw = 0;
          let total: number | undefined;
          const { items: all } = await client.listAllSimCards(query, {
            signal: controller.signal,
            concurrency,
            onRestart: () => (partial.length = 0),
            onPage: (page, progress) => {
              if (!isCurrent()) return;
              partial.push(...page.filter(keep));
              total = progress.totalResults;
              const now = Date.now();
              if (now - lastDraw >= PARTIAL_UPDATE_MS || progress.loadedPages === 1) {
                lastDraw = now;
                this.current = {
                  sims: [...partial],
                  groupsById: this.lastGood.groupsById,
                  complete: false,
                  loadedAt: undefined,
                  totalResults: total,
                };
                this.changed.fire();
              }
            },
          });
          const sims = all.filter(keep);
          const groups = await groupsPromise;
          if (!isCurrent()) return;
          const groupsById = groups ? new Map(groups.map((g) => [g.id, g])) : this.lastGood.groupsById;
          this.lastGood = { sims, groupsById, complete: true, loadedAt: Date.now(), totalResults: sims.length };
          this.current = this.lastGood;
          this.statusValue = { kind: 'loaded' };
        } catch (error) {
          if (!isCurrent()) return;
          // Whatever went wrong, the last good fleet stays on screen; a cancel is not an error
          // when there is something to show.
          this.current = this.lastGood;
          const cancelled = isTelnyxError(error) && error.kind === 'cancelled';
          this.statusValue = cancelled && this.lastGood.loadedAt ? { kind: 'loaded' } : { kind: 'error', error };
        } finally {
          if (isCurrent()) {
            this.inFlight = undefined;
            this.changed.fire();
          }
        }
      },
    );
  }

  dispose(): void {
    this.cancel();
    this.changed.dispose();
  }
}
