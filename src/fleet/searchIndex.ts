// Find SIM over a large loaded fleet. SIMs live in chunks; each chunk keeps one lowercase
// text of all its records, so a keystroke costs a few String#indexOf scans instead of a
// per-SIM match. Adding a page touches only the last chunk; an update rebuilds one chunk.
import type { SimCard } from '../telnyx/types';
import { simTags } from './tags';

const CHUNK_SIZE = 2048;
/** Starts a record. */
const RS = '\u0001';
/** Separates fields inside a record. */
const FS = '\u0002';

const EXACT = 0;
const PREFIX = 1;
const SUBSTRING = 2;
const NONE = 3;

interface Chunk {
  sims: (SimCard | undefined)[];
  /** Record texts appended as SIMs arrive, so a page costs only its own records. */
  parts: string[];
  /** parts joined, made on demand; undefined after an append. */
  text: string | undefined;
  /** Offset of each record in the text, and the slot in `sims` it belongs to. */
  starts: number[];
  slots: number[];
  length: number;
  /** A SIM was replaced or removed: rebuild the records before the next search. */
  dirty: boolean;
}

function lower(v: unknown): string {
  return typeof v === 'string' ? v.toLowerCase().replace(/[\u0001\u0002]/g, '') : '';
}

/** ICCID, IMSI, MSISDN digits, id and tags, lowercased: what Find SIM matches. */
function recordText(sim: SimCard): string {
  const msisdn = typeof sim.msisdn === 'string' ? sim.msisdn.replace(/\D/g, '') : '';
  const fields = [RS + lower(sim.iccid), lower(sim.imsi), msisdn, lower(sim.id)];
  for (const tag of simTags(sim)) fields.push(lower(tag));
  // join makes one flat string; `+` would keep a tree of pieces per SIM until the chunk is joined.
  return fields.join(FS);
}

/**
 * What to look for: the lowercased query, and for something that looks like a number typed
 * with spaces, dashes, dots or brackets ("+1 310-555 0100"), its digits alone.
 */
export function searchTerms(query: string): string[] {
  const q = lower(typeof query === 'string' ? query.trim() : '');
  if (q === '') return [];
  if (/^[+\d\s().-]+$/.test(q) && /\d/.test(q)) {
    const digits = q.replace(/\D/g, '');
    // Keep the typed form only when it could be part of an id ("1234-5678"), never with spaces.
    return /\s/.test(q) || q === digits ? [digits] : [digits, q];
  }
  return [q];
}

/** Appends one SIM's record text to a chunk's parts, remembering where it starts and its slot. */
function appendRecord(chunk: Chunk, sim: SimCard, slot: number): void {
  const rec = recordText(sim);
  chunk.starts.push(chunk.length);
  chunk.slots.push(slot);
  chunk.parts.push(rec);
  chunk.length += rec.length;
}

/**
 * Text search over the loaded SIMs, in chunks of joined record text. Slots are the caller's
 * arrival numbers (the fleet model's entry seq), so the index keeps no map of its own: at
 * 100,000 SIMs every id-keyed map that doubles costs a pause of its own, all on the same page.
 */
export class SearchIndex {
  readonly #chunks: Chunk[] = [];
  #count = 0;

  get size(): number {
    return this.#count;
  }

  /** Adds a SIM at `slot`, or replaces the SIM there (an update keeps its slot). */
  set(sim: SimCard, slot: number): void {
    const chunkNo = Math.floor(slot / CHUNK_SIZE);
    while (this.#chunks.length <= chunkNo) {
      this.#chunks.push({ sims: [], parts: [], text: undefined, starts: [], slots: [], length: 0, dirty: false });
    }
    const chunk = this.#chunks[chunkNo];
    if (!chunk) return;
    const at = slot % CHUNK_SIZE;
    const previous = chunk.sims[at];
    if (previous !== undefined || at < chunk.sims.length) {
      // A replacement, or a slot filled out of order: the chunk's text is rebuilt when next searched.
      if (previous === undefined) this.#count++;
      chunk.sims[at] = sim;
      chunk.dirty = true;
      return;
    }
    this.#count++;
    if (at > chunk.sims.length) {
      chunk.sims[at] = sim;
      chunk.dirty = true;
      return;
    }
    chunk.sims.push(sim);
    if (!chunk.dirty) {
      appendRecord(chunk, sim, at);
      chunk.text = undefined;
      // A full chunk gets no more appends: join it now (O(chunk), once), not on the first keystroke after a load.
      if (chunk.sims.length === CHUNK_SIZE) this.#build(chunk);
    }
  }

  /** Removes the SIM at `slot` (it left the list). */
  delete(slot: number): void {
    const chunk = this.#chunks[Math.floor(slot / CHUNK_SIZE)];
    const at = slot % CHUNK_SIZE;
    if (!chunk || chunk.sims[at] === undefined) return;
    chunk.sims[at] = undefined;
    chunk.dirty = true;
    this.#count--;
  }

  #build(chunk: Chunk): string {
    if (chunk.dirty) {
      chunk.parts = [];
      chunk.starts = [];
      chunk.slots = [];
      chunk.length = 0;
      chunk.sims.forEach((sim, i) => {
        if (sim) appendRecord(chunk, sim, i);
      });
      chunk.dirty = false;
      chunk.text = undefined;
    }
    if (chunk.text === undefined) {
      chunk.text = chunk.parts.join('');
      // Keep one copy: later appends join onto the text made so far.
      chunk.parts = [chunk.text];
    }
    return chunk.text;
  }

  /**
   * SIMs matching `query` (case-insensitive part of ICCID, IMSI, MSISDN digits, id or a tag):
   * exact field matches first, then prefixes, then other parts, each in load order; at most
   * `limit`. To stay fast on broad queries the scan stops once `limit` exact-or-prefix
   * matches or ten times `limit` matches in all are found.
   */
  find(query: string, limit = 200): SimCard[] {
    const terms = searchTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const ranked: SimCard[][] = [[], [], []];
    const seen = new Set<SimCard>();
    const enough = (): boolean => (ranked[EXACT]?.length ?? 0) + (ranked[PREFIX]?.length ?? 0) >= limit || seen.size >= limit * 10;
    for (const chunk of this.#chunks) {
      const text = this.#build(chunk);
      for (const term of terms) {
        this.#scan(chunk, text, term, (sim, rank) => {
          if (seen.has(sim)) return;
          seen.add(sim);
          ranked[rank]?.push(sim);
        });
        if (enough()) break;
      }
      if (enough()) break;
    }
    return ranked.flat().slice(0, limit);
  }

  /** Calls `hit` once per record containing `term`, with the record's best rank. */
  #scan(chunk: Chunk, text: string, term: string, hit: (sim: SimCard, rank: number) => void): void {
    let i = text.indexOf(term);
    while (i !== -1) {
      const r = recordAt(chunk.starts, i);
      const end = chunk.starts[r + 1] ?? text.length;
      let best = NONE;
      for (let j = i; j !== -1 && j + term.length <= end; j = text.indexOf(term, j + 1)) {
        best = Math.min(best, rankAt(text, j, term.length, end));
        if (best === EXACT) break;
      }
      const sim = chunk.sims[chunk.slots[r] ?? -1];
      if (sim && best !== NONE) hit(sim, best);
      i = end >= text.length ? -1 : text.indexOf(term, end);
    }
  }
}

/** Index of the record holding offset `at` (binary search over record starts). */
function recordAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isSeparator(ch: string | undefined): boolean {
  return ch === undefined || ch === RS || ch === FS;
}

function rankAt(text: string, at: number, length: number, recordEnd: number): number {
  const before = isSeparator(text[at - 1]);
  const after = at + length >= recordEnd || isSeparator(text[at + length]);
  return before && after ? EXACT : before ? PREFIX : SUBSTRING;
}
