// Builders for SIM records in unit tests: a realistic default, overridden per test.
import type { SimCard, SimCardGroup, SimCardStatus } from '../../../src/telnyx/types';

let counter = 0;

/** A physical, enabled SIM using 100 MB with no limit; every field can be overridden (also with null). */
export function sim(overrides: Partial<SimCard> = {}): SimCard {
  counter++;
  const n = String(counter).padStart(6, '0');
  return {
    id: `6b14e151-8493-4fa1-8664-${n.padStart(12, '0')}`,
    record_type: 'sim_card',
    status: { value: 'enabled', reason: null },
    type: 'physical',
    iccid: `8931089318104${n}`,
    imsi: `0010100${n}`,
    msisdn: `+1310997${n.slice(2)}`,
    sim_card_group_id: null,
    tags: [],
    data_limit: null,
    current_billing_period_consumed_data: { amount: '100.0', unit: 'MB' },
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-02T00:00:00.000Z',
    ...overrides,
  };
}

export function group(overrides: Partial<SimCardGroup> = {}): SimCardGroup {
  counter++;
  return {
    id: `a0b1c2d3-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    record_type: 'sim_card_group',
    name: `Group ${counter}`,
    default: false,
    data_limit: null,
    ...overrides,
  };
}

export function groupMap(...groups: SimCardGroup[]): Map<string, SimCardGroup> {
  return new Map(groups.map((g) => [g.id, g]));
}

/** Shorthand for a status object. */
export function st(value: string | null, reason: string | null = null): SimCardStatus {
  return { value, reason };
}

export const mb = (amount: string, unit: string | null = 'MB'): { amount: string; unit: string | null } => ({ amount, unit });

/** The ids of SIMs, to compare orders. */
export function ids(sims: readonly SimCard[]): string[] {
  return sims.map((s) => s.id);
}

/** Casts hostile/garbage data into a SimCard, as JSON from the wire could be. */
export function hostile(record: Record<string, unknown>): SimCard {
  return { id: 'hostile', ...record } as unknown as SimCard;
}
