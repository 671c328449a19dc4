// The SIM action commands: work out which SIMs (selection, a group or range row, or every
// SIM matching the filter), ask what to change for the edits, then hand over to the runner.
import * as vscode from 'vscode';
import { groupLabel } from '../../fleet';
import type { BulkChange } from '../../fleet/bulkPlan';
import { readSettings } from '../../config';
import { NoApiKeyError } from '../../telnyx/describeError';
import type { SimCard } from '../../telnyx/types';
import type { CommandTarget } from '../context';
import type { ActionServices, SimActionKind } from './services';

/** What to change: the status actions need no question, the edits ask theirs. */
async function changeFor(kind: SimActionKind, s: ActionServices): Promise<BulkChange | undefined> {
  switch (kind) {
    case 'enable':
    case 'disable':
      return { kind };
    case 'standby':
      return { kind: 'standby' };
    case 'editTags': {
      const edit = await s.prompts.tagEdit(s.fleet.knownTags());
      return edit ? { kind: 'tags', edit } : undefined;
    }
    case 'moveToGroup': {
      const groups = s.fleet.groups();
      if (groups.length === 0) {
        await vscode.window.showInformationMessage(vscode.l10n.t('There are no SIM card groups to move SIM cards to.'));
        return undefined;
      }
      const group = await s.prompts.group(groups);
      return group ? { kind: 'group', groupId: group.id, groupName: groupLabel(group.id, group) } : undefined;
    }
    case 'setDataLimit': {
      const limit = await s.prompts.dataLimit();
      return limit === undefined ? undefined : { kind: 'dataLimit', limit };
    }
  }
}

/** Runs `kind` on these SIMs (as loaded): the preview decides what is sent. */
export async function actOnSims(s: ActionServices, kind: SimActionKind, sims: readonly SimCard[], scope?: string): Promise<void> {
  if (sims.length === 0) return;
  const change = await changeFor(kind, s);
  if (!change) return;
  await s.runner.run(change, sims, scope);
}

/** Every SIM matching the current filter, fetched now over every page (not the possibly stale tree). */
async function fetchMatching(s: ActionServices): Promise<SimCard[] | undefined> {
  const client = await s.clients.get();
  if (!client) throw new NoApiKeyError();
  const query = s.fleet.currentQuery();
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Finding the SIM cards that match the filter'),
      cancellable: true,
    },
    async (progress, token) => {
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      try {
        const all = await client.listAllSimCards(query, {
          signal: controller.signal,
          concurrency: readSettings().maxConcurrentRequests,
          onPage: (_page, p) => progress.report({ message: vscode.l10n.t('page {0} of {1}', p.loadedPages, p.totalPages) }),
        });
        // Acting on "all matching" needs the whole list: never act on a short one as if it were all.
        if (!all.complete) {
          throw new Error(
            vscode.l10n.t(
              'Only {0} of about {1} matching SIM cards could be listed (the fleet changed while listing). Nothing was changed; try again.',
              all.items.length,
              all.expectedTotal ?? '?',
            ),
          );
        }
        return all.items.filter((sim) => s.fleet.matchesFilter(sim));
      } catch (error) {
        if (controller.signal.aborted) return undefined;
        throw error;
      } finally {
        sub.dispose();
      }
    },
  );
}

export async function actOnAllMatching(s: ActionServices, kind: SimActionKind): Promise<void> {
  const sims = await fetchMatching(s);
  if (!sims) return;
  if (sims.length === 0) {
    await vscode.window.showInformationMessage(vscode.l10n.t('No SIM cards match the filter.'));
    return;
  }
  await actOnSims(s, kind, sims, vscode.l10n.t('Every SIM card matching the current filter ({0}, read just now).', sims.length));
}

/** From a row's context menu, the selection, or the palette (no selection: every SIM matching the filter). */
export async function actOnTarget(s: ActionServices, kind: SimActionKind, target: CommandTarget): Promise<void> {
  const sims = s.fleet.targetSims(target);
  if (sims.length === 0) return actOnAllMatching(s, kind);
  const scope = sims.length === 1 ? undefined : vscode.l10n.t('The {0} SIM cards you chose in the tree.', sims.length);
  return actOnSims(s, kind, sims, scope);
}
