// The real dialogs, their module (a chunk of the bundle) read when a SIM action first asks.
import type { Prompts } from './prompts';

const real = async (): Promise<Prompts> => (await import('./prompts')).vscodePrompts;

export const lazyPrompts: Prompts = {
  confirm: async (plan) => (await real()).confirm(plan),
  summary: async (text, choices, failed) => (await real()).summary(text, choices, failed),
  tagEdit: async (knownTags) => (await real()).tagEdit(knownTags),
  group: async (groups) => (await real()).group(groups),
  dataLimit: async () => (await real()).dataLimit(),
};
