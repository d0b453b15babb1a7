// Remembered reading positions: where the reader left each article, in
// $XDG_STATE_HOME/qari/positions.json (or ~/.local/state/qari/positions.json).
// An edge module like files.ts: it touches the file system, nothing else.
//
// Logic:
// 1. Articles are keyed by a sha256 of their text, so a renamed or piped
//    article is still recognised and an edited one starts afresh.
// 2. Every save reads the file, updates one entry, keeps the most recent
//    `limit` entries and writes a temporary file beside it, then renames it
//    over the old one: readers (and other qari processes) see the old file or
//    the new one, never half of one. Two readers quitting at once may lose
//    one's update; neither can corrupt the file.
// 3. A file that cannot be parsed is ignored with one warning and rebuilt by
//    the next save. Entries that do not look like positions are dropped.
// 4. A position may also say what is there (`near`: the start of its
//    paragraph, near-place.ts), so a web page that changed since — its key is
//    its URL — opens near the place, not at a stale offset. The reader saves
//    plain positions (ui/run.tsx); the CLI registers, per key, how to describe
//    a place (describePlaces), and savePosition adds `near` from it.

import {mkdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, isAbsolute, join} from 'node:path';
import {fileErrorReason, writeAtomically} from './file-system.js';

// node:crypto costs ~3 ms to load, and only the reader needs it: it is
// required when a key is first made, not when the CLI starts. node:os
// likewise, for the home directory when HOME does not say it.
const requireBuiltin = createRequire(import.meta.url);

/** The user's home directory from the system (os.homedir), for when HOME is unset or empty. */
export function homeDirectory(): string {
	return (requireBuiltin('node:os') as typeof import('node:os')).homedir();
}

export interface Position {
	/** 1-based section number. */
	readonly section: number;
	/** Logical character offset in the section (Line.offset). */
	readonly offset: number;
	/** When it was saved, in milliseconds since the epoch. */
	readonly time: number;
	/** What is at the place, to find it again in a changed page (Logic 4). */
	readonly near?: Near;
}

/** The start of the paragraph at a place, and how far into it the place is (near-place.ts). */
export interface Near {
	readonly text: string;
	readonly delta: number;
}

const describers = new Map<string, (place: {section: number; offset: number}) => Near | undefined>();

/** How savePosition describes a place of the article `key` (Logic 4): `describe` gets a 0-based section. */
export function describePlaces(key: string, describe: (place: {section: number; offset: number}) => Near | undefined): void {
	describers.set(key, describe);
}

function isNear(value: unknown): value is Near {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return typeof v['text'] === 'string' && v['text'] !== '' && Number.isInteger(v['delta']) && (v['delta'] as number) >= 0;
}

export type PositionEnv = Readonly<Record<string, string | undefined>>;

/** How many articles are remembered; older ones are forgotten first. */
export const POSITIONS_LIMIT = 500;

/** The state file's path (XDG base directory spec: a relative XDG_STATE_HOME is ignored). */
export function positionsPath(env: PositionEnv, home?: string): string {
	const xdg = env['XDG_STATE_HOME'] ?? '';
	const base = xdg && isAbsolute(xdg) ? xdg : join(env['HOME'] || (home ?? homeDirectory()), '.local', 'state');
	return join(base, 'qari', 'positions.json');
}

/** The key of an article: sha256 of its text, hex. */
export function articleKey(text: string): string {
	const {createHash} = requireBuiltin('node:crypto') as typeof import('node:crypto');
	return createHash('sha256').update(text).digest('hex');
}

interface Read {
	readonly entries: Map<string, Position>;
	/** Set when the file exists but is not a positions file. */
	readonly corrupt: boolean;
}

function isPosition(value: unknown): value is Position {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		Number.isInteger(v['section']) &&
		(v['section'] as number) >= 1 &&
		Number.isInteger(v['offset']) &&
		(v['offset'] as number) >= 0 &&
		typeof v['time'] === 'number' &&
		Number.isFinite(v['time'])
	);
}

function readPositions(path: string): Read {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		return {entries: new Map(), corrupt: false}; // missing or unreadable: nothing remembered
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {entries: new Map(), corrupt: true};
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return {entries: new Map(), corrupt: true};
	const entries = new Map<string, Position>();
	for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
		if (!/^[0-9a-f]{64}$/.test(key) || !isPosition(value)) continue;
		const near = isNear(value.near) ? {text: value.near.text, delta: value.near.delta} : undefined;
		entries.set(key, {section: value.section, offset: value.offset, time: value.time, ...(near ? {near} : {})});
	}
	return {entries, corrupt: false};
}

export interface Loaded {
	readonly position: Position | undefined;
	/** One line for stderr when the state file was corrupt (it will be rebuilt). */
	readonly warning: string | undefined;
}

/** The remembered position of an article, if any. Never throws. */
export function loadPosition(path: string, key: string): Loaded {
	const read = readPositions(path);
	return {
		position: read.entries.get(key),
		warning: read.corrupt ? `ignoring the unreadable reading-position file '${path}' (it will be rebuilt)` : undefined,
	};
}

/**
 * Remembers `position` for `key`, keeping the newest `limit` entries; atomic
 * (file-system.ts). Returns an error message instead of throwing: losing
 * a bookmark must not stop anyone from reading.
 */
export function savePosition(path: string, key: string, position: Position, limit = POSITIONS_LIMIT): string | undefined {
	const {entries} = readPositions(path);
	entries.delete(key);
	let near: Near | undefined;
	try {
		near = position.near ?? describers.get(key)?.({section: position.section - 1, offset: position.offset});
	} catch {
		near = undefined; // a bookmark without its paragraph is still a bookmark
	}
	entries.set(key, near ? {...position, near} : position);
	const kept = [...entries].sort((a, b) => b[1].time - a[1].time).slice(0, Math.max(1, limit));
	const data: Record<string, Position> = {};
	for (const [k, v] of kept) data[k] = v;
	try {
		mkdirSync(dirname(path), {recursive: true});
		writeAtomically(path, `${JSON.stringify(data, null, '\t')}\n`);
		return undefined;
	} catch (error) {
		return `cannot save the reading position to '${path}': ${fileErrorReason(error, 'write')}`;
	}
}
