// Fetches what a details panel shows, as a plain DetailsInput. Pure (no vscode): the
// detail record and one page of sessions in parallel; the group comes from the fleet the
// tree already loaded, not from another request.
import { describeError } from '../telnyx/describeError';
import type { TelnyxClient } from '../telnyx/client';
import type { SimCard, SimCardGroup } from '../telnyx/types';
import type { DetailsInput } from './viewModel';

/** Sessions shown in the panel (one page of the connectivity logs). */
export const DETAILS_LOG_COUNT = 20;

export interface KnownSimData {
  /** The list item from the tree, when the panel was opened from it. */
  readonly sim?: SimCard;
  /** Groups of the loaded fleet, for the group's name and data limit. */
  readonly groupsById: ReadonlyMap<string, SimCardGroup>;
}

type LogsResult = Pick<DetailsInput, 'logs' | 'logsError'>;

/**
 * Loads one SIM. Rejects with the client's typed error when the detail record cannot be
 * fetched (or `signal` fires); a failure of the sessions only fills `logsError`.
 */
export async function loadDetails(client: TelnyxClient, simId: string, known: KnownSimData, signal?: AbortSignal): Promise<DetailsInput> {
  const logsPromise: Promise<LogsResult> = client.listConnectivityLogs(simId, { size: DETAILS_LOG_COUNT }, signal).then(
    (page) => ({ logs: page.data }),
    (error: unknown) => ({ logsError: describeError(error, 'sessions') }),
  );
  const detail = await client.getSimCard(simId, signal);
  const logs = await logsPromise;
  const groupId = detail.sim_card_group_id ?? known.sim?.sim_card_group_id;
  const group = groupId ? known.groupsById.get(groupId) : undefined;
  return {
    sim: known.sim ?? detail,
    detail,
    ...(group ? { group } : {}),
    ...logs,
  };
}
