// Rows for a terminal that reorders each row itself (implicit bidi: mlterm,
// Konsole, Terminal.app; `--bidi terminal`). Such a terminal runs UAX #9 on
// every row as a paragraph of its own, takes its direction from the first
// strong character, and lays a right-to-left row out from the right edge of
// the window. qari builds each row so that what the terminal shows is the
// screen app mode draws.
//
// Logic:
// 1. A row is assembled as in app mode (visual order: padding, gutters, table
//    cells, footer parts in their places), except that each paragraph line is
//    a unit: its runs in logical order between an opening marker (which says
//    the paragraph's direction) and a closing one.
// 2. implicitRuns turns such a row into what the terminal is sent. For a
//    right-to-left row the items come in reverse order (the terminal reverses
//    them back); text between units (fills, gutters, separators, rules:
//    neutral characters and digits) is reversed too, digit runs kept in order
//    and brackets mirrored, since the terminal reverses and mirrors it.
// 3. Every unit is bounded by marks of the row's direction, so the neutrals
//    around it (padding, bars) take the row's direction; a unit of the other
//    direction goes inside an embedding (LRE or RLE … PDF), where it resolves
//    as its own paragraph does. Inside a unit, a mark at either end stands for
//    the strong character before or after the line in its paragraph, so a
//    line's edges resolve as they did in the whole paragraph; URLs (isolated
//    by the paragraph layout) go in LRE … PDF; inline code in an embedding of
//    its first strong direction between marks of that direction (it acts as
//    a strong character outside, as in the paragraph layout; plain LTR code
//    needs neither). Code blocks: app mode lays each code line out as an LTR
//    paragraph and reorders each wrapped piece by the whole line's levels; a
//    piece is a unit of direction LTR with marks for the line around it.
// 4. Every unit is checked (settleUnit): its characters' levels, as qari's
//    own UAX #9 resolves the unit, must put them in the order and mirroring
//    app mode gives the line (the paragraph's levels, with code marks and
//    isolates as text/paragraph.ts builds it; a code line's, for each of its
//    wrapped pieces; L1 per line). Where they would not (a bracket paired
//    across lines, N0 seeing past the line), each run of one level goes in an
//    override of its direction (LRO, RLO … PDF), which any terminal shows as
//    given: exact, but two marks a level run, so the fallback only. For
//    mlterm (few marks) a line is first tried without its pinned brackets.
// 5. The row's own direction is stated by the first character the terminal
//    gets (RLM or LRM): frame.ts writes it, then the margin.
// 6. No box-drawing or block character (U+2500–U+259F) in these rows: mlterm
//    reads one as a break that forces the rest of the row left to right
//    (vt_bidi.c), so rules, bars and the progress bar use other glyphs.
// Marks are qari's own, written per row: runs carrying them have the
// `control` style, which terminal/sgr passes through (it strips every bidi
// control from article text).

import {type Direction} from '../model/article.js';
import {type Run, type RunStyle} from '../model/line.js';
import {bidiBracketOf, bidiClassOf, classAt, firstStrongDirection, SEPARATORS, TRAILING} from '../text/bidi/classes.js';
import {mirrorCode, resolveLevels} from '../text/bidi/index.js';
import {type StyledText} from '../text/paragraph.js';

export const LRM = '\u200e';
export const RLM = '\u200f';
const LRE = '\u202a';
const RLE = '\u202b';
const PDF = '\u202c';
const LRO = '\u202d';
const RLO = '\u202e';
const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';

/** The style of a run of marks qari writes itself (see terminal/sgr). */
export const CONTROL: RunStyle = {control: true};

const openLtr: Run = {text: '', style: {}};
const openRtl: Run = {text: '', style: {}};
const close: Run = {text: '', style: {}};

/** The glyphs of rules, bars and the progress bar: box drawing, or (implicit rows, Logic 6) others. */
export interface Glyphs {
	readonly rule: string;
	readonly doubleRule: string;
	readonly bar: string;
	readonly cross: string;
	readonly full: string;
	readonly empty: string;
	/** The search prompt's cursor. */
	readonly cursor: string;
}

export const BOX_GLYPHS: Glyphs = {rule: '─', doubleRule: '═', bar: '│', cross: '┼', full: '█', empty: '░', cursor: '▏'};
export const PLAIN_GLYPHS: Glyphs = {rule: '―', doubleRule: '=', bar: '|', cross: '+', full: '■', empty: '□', cursor: '|'};

export function glyphsFor(implicit: boolean | undefined): Glyphs {
	return implicit ? PLAIN_GLYPHS : BOX_GLYPHS;
}

/** The mark that states a direction. */
export function markOf(dir: Direction): string {
	return dir === 'rtl' ? RLM : LRM;
}

const control = (text: string): Run => ({text, style: CONTROL});

const urlPattern = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S*$/i;

/** Whether the paragraph layout isolates a span: inline code, a link whose text is a URL (as text/paragraph.ts decides). */
function isolatesSpan(span: StyledText<RunStyle>): boolean {
	return span.style.code === true || (span.style.href !== undefined && urlPattern.test(span.text.replace(/\t/g, ' ')));
}

/** The styles of a paragraph's isolated spans: a line's runs carry their span's style object. */
export function isolatedStyles(inline: readonly StyledText<RunStyle>[]): ReadonlySet<RunStyle> {
	const set = new Set<RunStyle>();
	for (const span of inline) if (span.style.href !== undefined && isolatesSpan(span)) set.add(span.style);
	return set;
}

let isolatedSet: ReadonlySet<RunStyle> = new Set();

/** Whether a run comes from an isolated span (inline code, a URL as link text). */
function isolated(run: Run): boolean {
	return run.style.code === true || isolatedSet.has(run.style);
}

/**
 * Paired brackets resolve by what they hold and what comes before (N0), which
 * a row that holds one of the pair cannot see: each bracket of such a line is
 * put between marks of the direction it resolved to in its paragraph (every
 * bracket: terminals' UAX #9 differ on N0, FriBidi 1.0 from qari's; with
 * `fewMarks`, for mlterm, only brackets whose pair is cut by the line).
 * Returns the line's runs with those marks, or the runs themselves.
 */
export function pinBrackets(
	runs: readonly Run[],
	paragraph: ParagraphBrackets,
	offset: number,
	lineEnd: number,
	isolatedRuns: ReadonlySet<RunStyle>,
	fewMarks = false,
	codeIsText = false,
): readonly Run[] {
	if (!paragraph.levels) return runs;
	const out: Run[] = [];
	let pos = offset;
	let changed = false;
	const limit = Math.min(paragraph.text.length, lineEnd);
	for (const run of runs) {
		let from = 0;
		// Brackets inside code or a URL resolve inside its isolate (unitRuns embeds it whole).
		const inside = (run.style.code === true && !codeIsText) || isolatedRuns.has(run.style);
		for (let i = 0; i < run.text.length; i++) {
			const code = run.text.charCodeAt(i);
			// Find the character in the paragraph: dropped controls leave gaps.
			let at = pos;
			// (Within the line: a character not there, shaped, must not cost a scan of the paragraph.)
			while (at < limit && paragraph.text.charCodeAt(at) !== code) at++;
			if (at < limit) pos = at + 1;
			if (inside || at >= limit || bidiBracketOf(code) === 0) continue;
			// With few marks, a pair within the line is left to resolve there as in the paragraph.
			const partner = paragraph.partner(at);
			if (fewMarks && partner >= offset && partner < lineEnd) continue;
			const level = paragraph.levels[paragraph.index(at)] ?? 0;
			const mark = control(markOf(level & 1 ? 'rtl' : 'ltr'));
			if (i > from) out.push({text: run.text.slice(from, i), style: run.style});
			out.push(mark, {text: run.text[i] ?? '', style: run.style}, mark);
			from = i + 1;
			changed = true;
		}
		if (from === 0) out.push(run);
		else if (from < run.text.length) out.push({text: run.text.slice(from), style: run.style});
	}
	return changed ? out : runs;
}

/**
 * A paragraph as the paragraph layout resolves it (text/paragraph.ts, Logic 1): its plain text,
 * its logical text (isolates and marks around code and URLs) with the levels of every code unit,
 * and, when it has paired brackets, those levels again as `levels` (pinBrackets reads them).
 */
export interface ParagraphBrackets {
	readonly text: string;
	readonly levels: Uint8Array | undefined;
	/** The logical offset of plain offset `plain`. */
	readonly index: (plain: number) => number;
	/** Plain offset of the bracket paired with the one at `plain` (BD16), or -1. */
	readonly partner: (plain: number) => number;
	readonly logical: string;
	readonly resolved: Uint8Array;
	/** The paragraph level: 0 or 1. */
	readonly level: number;
	/** 1 at each code unit of `logical` the layout added (isolates, marks). */
	readonly added: Uint8Array;
}

/** The levels pinBrackets and lineTargets read, resolved as the paragraph layout resolves them (isolates and marks around code and URLs). */
export function paragraphBrackets(inline: readonly StyledText<RunStyle>[], text: string, dir: Direction): ParagraphBrackets {
	let any = false;
	for (let i = 0; i < text.length && !any; i++) any = bidiBracketOf(text.charCodeAt(i)) !== 0;
	let logical = '';
	const addedAt: number[] = [];
	const starts: number[] = [];
	const shifts: number[] = [];
	let plain = 0;
	let shift = 0;
	const add = (piece: string): void => {
		for (let i = 0; i < piece.length; i++) addedAt.push(logical.length + i);
		logical += piece;
		shift += piece.length;
	};
	for (const span of inline) {
		const piece = span.text.replace(/\t/g, ' ');
		const iso = isolatesSpan(span);
		// Inline code: FSI … PDI between marks of its first strong direction; a URL: LRI … PDI.
		const mark = span.style.code === true ? markOf(firstStrongDirection(piece) ?? 'ltr') : '';
		if (iso) add(mark ? mark + FSI : LRI);
		starts.push(plain);
		shifts.push(shift);
		logical += piece;
		plain += piece.length;
		if (iso) add(PDI + mark);
	}
	const para = resolveLevels(logical, dir);
	const added = new Uint8Array(logical.length);
	for (const at of addedAt) added[at] = 1;
	const levels = any ? para.levels : undefined;
	const index = (k: number): number => {
		let s = 0;
		for (let j = 0; j < starts.length && (starts[j] ?? 0) <= k; j++) s = shifts[j] ?? 0;
		return k + s;
	};
	// BD16: a stack of openings; a closing pairs with the nearest opening of its kind.
	const partners = new Map<number, number>();
	const stack: {id: number; at: number}[] = [];
	for (let i = 0; i < text.length && any; i++) {
		const id = bidiBracketOf(text.charCodeAt(i));
		if (id > 0) {
			if (stack.length >= 63) break;
			stack.push({id, at: i});
		} else if (id < 0) {
			for (let k = stack.length - 1; k >= 0; k--) {
				const open = stack[k];
				if (open && open.id === -id) {
					partners.set(open.at, i);
					partners.set(i, open.at);
					stack.length = k;
					break;
				}
			}
		}
	}
	return {text, levels, index, partner: (k) => partners.get(k) ?? -1, logical, resolved: para.levels, level: para.level, added};
}

/**
 * The levels app mode gives the characters of one line of a paragraph, the line's `runs`
 * (logical order, plain offsets [offset, lineEnd)): the paragraph's, with L1 on the line (trailing
 * whitespace and isolate controls at the paragraph level).
 */
export function lineTargets(paragraph: ParagraphBrackets, runs: readonly Run[], offset: number, lineEnd: number): Uint8Array {
	const {text, logical, resolved, level, added} = paragraph;
	let content = '';
	for (const run of runs) if (run.style !== CONTROL) content += run.text;
	const at = new Int32Array(content.length);
	const limit = Math.min(text.length, lineEnd);
	let pos = offset;
	let last = -1;
	for (let i = 0; i < content.length; i++) {
		const code = content.charCodeAt(i);
		// Find the character in the paragraph: hidden characters leave gaps.
		let p = pos;
		while (p < limit && text.charCodeAt(p) !== code) p++;
		// Not there: a shaped letter (--shape on), which stands where its letter does.
		if (p >= limit) p = pos;
		if (p < limit) {
			pos = p + 1;
			last = paragraph.index(p);
		}
		at[i] = last;
	}
	// L1 on the line's logical range: it ends after its last character and what the layout added after it.
	let end = last + 1;
	while (end > 0 && end < logical.length && added[end] === 1) end++;
	const first = Math.max(0, at[0] ?? 0);
	const l1 = resolved.slice(first, Math.max(first, end));
	let resetting = true;
	for (let i = end - 1; i >= first; i--) {
		const bit = 1 << classAt(logical, i);
		if ((bit & SEPARATORS) !== 0) {
			l1[i - first] = level;
			resetting = true;
		} else if (resetting && (bit & TRAILING) !== 0) l1[i - first] = level;
		else resetting = false;
	}
	return Uint8Array.from(at, (k) => (k < first ? level : (l1[k - first] ?? level)));
}

/**
 * A unit (unitRuns) checked against the levels app mode gives its characters (`target`):
 * when the terminal, running UAX #9 on the unit as qari's own engine does, would show its
 * characters in another order or mirrored otherwise, the unit is sent with each level run in
 * an override of that level's direction instead (LRO, RLO … PDF), which any terminal shows
 * exactly so. Marks cost cells on mlterm: the override is the fallback, not the rule. With
 * more than one candidate (cheapest first), the first that shows right is taken.
 */
export function settleUnit(unit: readonly Run[] | readonly (readonly Run[])[], dir: Direction, target: Uint8Array): readonly Run[] {
	const candidates = (Array.isArray(unit[0]) ? unit : [unit]) as readonly (readonly Run[])[];
	let last: readonly Run[] = [];
	for (const candidate of candidates) {
		last = candidate;
		if (showsAsTarget(candidate.slice(1, -1), dir, target)) return candidate;
	}
	return [last[0] ?? openLtr, ...overrideRuns(last.slice(1, -1), dir, target), last[last.length - 1] ?? close];
}

/** Whether a unit's runs, resolved as a paragraph of direction `dir`, put their characters where `target` does. */
function showsAsTarget(body: readonly Run[], dir: Direction, target: Uint8Array): boolean {
	let text = '';
	let content = '';
	const contentAt: number[] = [];
	for (const run of body) {
		if (run.style !== CONTROL) {
			for (let k = 0; k < run.text.length; k++) contentAt.push(text.length + k);
			content += run.text;
		}
		text += run.text;
	}
	if (content.length !== target.length || content.length === 0) return true;
	// The unit ends before a mark of its direction or its embedding's end: no L1 at its end.
	const sim = resolveLevels(text + markOf(dir), dir).levels;
	const got = Uint8Array.from(contentAt, (p) => sim[p] ?? 0);
	// The same levels (most lines), or other levels that give the same order and mirroring.
	let same = true;
	for (let k = 0; k < got.length && same; k++) same = got[k] === target[k];
	return same || visualOf(content, got) === visualOf(content, target);
}

/** Text in the order of its levels (L2), mirrored at odd levels (L4). */
function visualOf(text: string, levels: Uint8Array): string {
	const order = Array.from({length: text.length}, (_, i) => i);
	let max = 0;
	let minOdd = 256;
	for (const l of levels) {
		max = Math.max(max, l);
		if (l & 1) minOdd = Math.min(minOdd, l);
	}
	for (let level = max; level >= minOdd; level--) {
		for (let i = 0; i < order.length; ) {
			if ((levels[order[i] ?? 0] ?? 0) < level) {
				i++;
				continue;
			}
			let j = i;
			while (j < order.length && (levels[order[j] ?? 0] ?? 0) >= level) j++;
			order.splice(i, j - i, ...order.slice(i, j).reverse());
			i = j;
		}
	}
	let out = '';
	for (const i of order) out += ((levels[i] ?? 0) & 1) === 1 ? String.fromCharCode(mirrorCode(text.charCodeAt(i))) : text[i];
	return out;
}

/**
 * A unit's characters with each run of one level in overrides nested to that level (relative
 * to the unit's own). Trailing whitespace at the unit's own level stays outside them, and a mark
 * follows whitespace above it: L1 in a terminal puts whitespace at a row's end at the row's level,
 * whatever overrides say.
 */
function overrideRuns(body: readonly Run[], dir: Direction, target: Uint8Array): Run[] {
	const base = dir === 'rtl' ? 1 : 0;
	let content = '';
	for (const run of body) if (run.style !== CONTROL) content += run.text;
	let tail = content.length;
	// WS = 12 (text/bidi/classes.ts).
	while (tail > 0 && target[tail - 1] === base && bidiClassOf(content.charCodeAt(tail - 1)) === 12) tail--;
	const out: Run[] = [];
	// Overrides open: the unit's own, then one a level above it.
	let open = 0;
	let k = 0;
	const reach = (want: number): void => {
		let marks = '';
		for (; open > want; open--) marks += PDF;
		for (; open < want; open++) marks += (base + open) % 2 === 1 ? RLO : LRO;
		if (marks) out.push(control(marks));
	};
	for (const run of body) {
		if (run.style === CONTROL) continue;
		let from = 0;
		for (let i = 0; i < run.text.length; i++, k++) {
			const want = k >= tail ? 0 : Math.max(0, (target[k] ?? base) - base) + 1;
			if (want === open) continue;
			if (i > from) out.push({text: run.text.slice(from, i), style: run.style});
			from = i;
			reach(want);
		}
		if (from < run.text.length) out.push({text: run.text.slice(from), style: run.style});
	}
	// Whitespace that ends the unit above its level: a mark after it keeps L1 off it at a row's end.
	if (tail === content.length && bidiClassOf(content.charCodeAt(tail - 1)) === 12) out.push(control(markOf(dir)));
	reach(0);
	return out;
}

/**
 * One paragraph line as a unit (Logic 1): its logical runs, with the direction
 * of the strong characters before and after it in its paragraph when they
 * differ from the paragraph's (Logic 3).
 */
export function unitRuns(
	runs: readonly Run[],
	dir: Direction,
	before?: Direction | 'al',
	after?: Direction,
	isolatedRuns?: ReadonlySet<RunStyle>,
	inside?: IsolateContext,
	fewMarks = false,
): Run[] {
	isolatedSet = isolatedRuns ?? new Set();
	const out: Run[] = [dir === 'rtl' ? openRtl : openLtr];
	if (before === 'ltr' && dir === 'rtl') out.push(control(LRM));
	if ((before === 'rtl' || before === 'al') && dir === 'ltr') out.push(control(RLM));
	if (before === 'al') runs = afterArabicLetter(runs);
	runs.forEach((run, i) => {
		if (run.style.code === true) {
			// Inline code acts outside as a strong character of its own first strong
			// direction (text/paragraph.ts, Logic 1): marks of that direction bound an
			// embedding of it.
			const cutOwn = (i === 0 ? inside?.ownBefore : undefined) ?? (i === runs.length - 1 ? inside?.ownAfter : undefined);
			const own = cutOwn ?? firstStrongDirection(run.text) ?? 'ltr';
			const first = i === 0 && inside?.before ? markOf(inside.before) : '';
			const last = i === runs.length - 1 && inside?.after ? markOf(inside.after) : '';
			const mark = markOf(own);
			if ((first === '' || first === mark) && (last === '' || last === mark) && oneDirection(run.text, own)) {
				// Code whose letters all read its own way (and, cut by the line, whose other
				// lines do there) needs no embedding, and no mark at an end that is such a
				// letter: it acts and resolves so as it is.
				if (strongAt(run.text, 0) !== own) out.push(control(markOf(own)));
				out.push(run);
				if (strongAt(run.text, run.text.length - 1) !== own) out.push(control(markOf(own)));
				return;
			}
			// With few marks (mlterm), the embedding alone: its edges act on the text around it much as the marks do.
			const outside = fewMarks ? '' : mark;
			out.push(control(outside + (own === 'rtl' ? RLE : LRE) + first), run, control(last + PDF + outside));
			return;
		}
		if (!isolated(run) || plainLtr(run.text)) {
			out.push(run);
			return;
		}
		// An isolate cut by the line: the strong characters of its other lines, inside it.
		const first = i === 0 && inside?.before ? markOf(inside.before) : '';
		const last = i === runs.length - 1 && inside?.after ? markOf(inside.after) : '';
		// A URL's isolate is a neutral to the text around it: marks of the
		// direction it takes there (N1, N2) stand for it outside the embedding.
		const previous = strongAround(runs, i, -1) ?? (before === 'al' ? 'rtl' : before) ?? dir;
		const next = strongAround(runs, i, 1) ?? after ?? dir;
		const mark = markOf(previous === next ? previous : dir);
		out.push(control(mark + LRE + first), run, control(last + PDF + mark));
	});
	if (after && after !== dir) out.push(control(markOf(after)));
	out.push(close);
	return out;
}

/**
 * A piece of a code line as a unit of direction LTR (code.ts lays each code line out as an LTR
 * paragraph), with marks for the strong characters before and after the piece in its line.
 */
export function codeUnit(runs: readonly Run[], before?: Direction | 'al', after?: Direction): Run[] {
	const out: Run[] = [openLtr];
	if (before === 'rtl' || before === 'al') out.push(control(RLM));
	for (const run of before === 'al' ? afterArabicLetter(runs) : runs) out.push(run);
	if (after === 'rtl') {
		// Before the piece's trailing whitespace, which L1 puts at the line's level in app mode.
		let k = out.length;
		while (k > 1 && out[k - 1]?.style !== CONTROL && /^\s*$/.test(out[k - 1]?.text ?? '')) k--;
		const last = out[k - 1];
		const spaces = last && last.style !== CONTROL ? (/\s+$/.exec(last.text)?.[0] ?? '') : '';
		const {style} = last ?? {};
		if (last && style && spaces) out.splice(k - 1, 1, {text: last.text.slice(0, -spaces.length), style}, control(RLM), {text: spaces, style});
		else out.splice(k, 0, control(RLM));
	}
	out.push(close);
	return out;
}

/**
 * What the neutrals at the edges of text[from, to) see in the whole of `text`, a paragraph of
 * direction `dir`: the direction of the nearest strong character or number before and after
 * (numbers act as right to left, N1, but a European number after a left-to-right letter is
 * left to right, W7; 'al' when the last strong character before is an Arabic letter, W2).
 */
export function edgeContext(text: string, dir: Direction, from: number, to: number): {before?: Direction | 'al'; after?: Direction} {
	// EN = 3, AN = 6 (text/bidi/classes.ts).
	const numberDir = (i: number, c: number): Direction | 'al' => {
		const strong = lastStrong(text, 0, i) ?? dir;
		return c === 3 && strong === 'ltr' ? 'ltr' : strong === 'al' ? 'al' : 'rtl';
	};
	let before: Direction | 'al' | undefined;
	for (let i = from - 1; i >= 0 && !before; i--) {
		const c = classAt(text, i);
		if (c === 0) before = 'ltr';
		else if (c === 1) before = 'rtl';
		else if (c === 2) before = 'al';
		else if (c === 3 || c === 6) before = numberDir(i, c);
	}
	let after: Direction | undefined;
	for (let i = to; i < text.length && !after; i++) {
		const c = classAt(text, i);
		if (c === 0) after = 'ltr';
		else if (c === 1 || c === 2) after = 'rtl';
		else if (c === 3 || c === 6) after = numberDir(i, c) === 'ltr' ? 'ltr' : 'rtl';
	}
	return {...(before ? {before} : {}), ...(after ? {after} : {})};
}

/**
 * A line whose paragraph has an Arabic letter before it: digits before the
 * line's first strong character are Arabic numbers there (W2), which a
 * percent or plus sign next to them does not join (W4, W5), but to the
 * terminal they follow an RLM, not a letter. An RLM between such a digit and
 * sign keeps them apart for it too. (ALM would say it, but fonts lack it.)
 */
function afterArabicLetter(runs: readonly Run[]): Run[] {
	const out: Run[] = [];
	let strong = false;
	for (const run of runs) {
		if (strong || run.style === CONTROL) {
			out.push(run);
			continue;
		}
		let from = 0;
		const text = run.text;
		for (let i = 0; i < text.length && !strong; i++) {
			const c = bidiClassOf(text.charCodeAt(i));
			if (c <= 2) strong = true;
			else if (i > 0) {
				const p = bidiClassOf(text.charCodeAt(i - 1));
				// EN = 3, ES = 4, ET = 5 (text/bidi-levels.ts).
				if ((p === 3 && (c === 4 || c === 5)) || ((p === 4 || p === 5) && c === 3)) {
					out.push({text: text.slice(from, i), style: run.style}, control(RLM));
					from = i;
				}
			}
		}
		out.push(from === 0 ? run : {text: text.slice(from), style: run.style});
	}
	return out;
}

/**
 * Text that resolves alike isolated or not: left-to-right letters at both
 * ends and nothing right to left (no R, AL or AN) between. The text around
 * it resolves alike too: an isolate counts as a neutral there, and a neutral
 * between strong characters of one direction takes it, as this text's
 * letters do (N1), and the embedding direction otherwise (N2).
 */
function plainLtr(text: string): boolean {
	if (strongAt(text, 0) !== 'ltr' || strongAt(text, text.length - 1) !== 'ltr') return false;
	for (let i = 0; i < text.length; i++) {
		const c = bidiClassOf(text.charCodeAt(i));
		// R = 1, AL = 2, AN = 6, and the explicit controls (14–22).
		if (c === 1 || c === 2 || c === 6 || c >= 14) return false;
	}
	return true;
}

/**
 * Text that resolves alike in an isolate of direction `dir` and between marks of
 * that direction: no strong character of the other direction (nor, left to right,
 * an Arabic number, which an isolate raises past its letters), no explicit control.
 */
function oneDirection(text: string, dir: Direction): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = bidiClassOf(text.charCodeAt(i));
		// L = 0, R = 1, AL = 2, AN = 6, and the explicit controls (14–22).
		if (c >= 14 || (dir === 'ltr' ? c === 1 || c === 2 || c === 6 : c === 0)) return false;
	}
	return true;
}

/** For a line that starts or ends inside an isolated span: the direction of the span's strong characters before and after the line. */
export interface IsolateContext {
	readonly before?: Direction | undefined;
	readonly after?: Direction | undefined;
	/** Inline code cut at the line's start (end): the first strong direction of the whole span, which it takes outside. */
	readonly ownBefore?: Direction | undefined;
	readonly ownAfter?: Direction | undefined;
}

/** The IsolateContext of the line [start, end) of a paragraph of `spans` (plain text `text`). */
export function isolateContext(spans: readonly StyledText<RunStyle>[], text: string, start: number, end: number): IsolateContext | undefined {
	let at = 0;
	let context: {-readonly [K in keyof IsolateContext]: IsolateContext[K]} | undefined;
	for (const span of spans) {
		const to = at + span.text.length;
		if (isolatesSpan(span)) {
			const own = span.style.code === true ? (firstStrongDirection(text.slice(at, to)) ?? 'ltr') : undefined;
			if (at < start && start < to) {
				context ??= {};
				context.before = plainDirection(lastStrong(text, at, start));
				context.ownBefore = own;
			}
			if (at < end && end < to) {
				context ??= {};
				context.after = firstStrongBefore(text, end, to);
				context.ownAfter = own;
			}
		}
		at = to;
		if (at > end) break;
	}
	return context;
}

const plainDirection = (d: Direction | 'al' | undefined): Direction | undefined => (d === 'al' ? 'rtl' : d);

function firstStrongBefore(text: string, from: number, to: number): Direction | undefined {
	for (let i = from; i < to; i++) {
		const dir = strongDirection(text.charCodeAt(i));
		if (dir) return dir;
	}
	return undefined;
}

/** Direction of the nearest strong character before (step −1) or after (+1) run i, outside isolated runs. */
function strongAround(runs: readonly Run[], i: number, step: 1 | -1): Direction | undefined {
	for (let k = i + step; k >= 0 && k < runs.length; k += step) {
		const run = runs[k];
		if (!run || isolated(run)) continue;
		const found = step === 1 ? firstStrong(run.text, 0) : lastStrong(run.text, 0, run.text.length);
		if (found) return found === 'al' ? 'rtl' : found;
	}
	return undefined;
}

/** Whether runs hold a unit (rows of implicit mode that need converting). */
export function hasUnit(runs: readonly Run[]): boolean {
	return runs.some((r) => r === openLtr || r === openRtl);
}

/** Neutral text read backwards: clusters reversed, digit runs kept, brackets mirrored (Logic 2). */
function reverseNeutral(text: string): string {
	const parts = text.match(/[0-9\u0660-\u0669\u06f0-\u06f9]+|[\s\S][\u0300-\u036f\u064b-\u065f\u0670]*/g) ?? [];
	let out = '';
	for (let i = parts.length - 1; i >= 0; i--) {
		const part = parts[i] ?? '';
		const code = part.codePointAt(0) ?? 0;
		const mirrored = part.length === 1 ? mirrorCode(code) : code;
		out += mirrored === code ? part : String.fromCodePoint(mirrored) + part.slice(1);
	}
	return out;
}

/**
 * A row assembled in visual order with units (Logic 1) as the runs a terminal
 * that reorders must be sent to show it, for a row of direction `dir`
 * (without the leading mark: frame.ts writes it before the margin).
 */
export function implicitRuns(runs: readonly Run[], dir: Direction): Run[] {
	// Items: each unit whole (with its bounding marks, `own` when of the row's direction), each other run on its own.
	interface Item {
		readonly runs: Run[];
		readonly own?: boolean;
	}
	const items: Item[] = [];
	let unit: Run[] | undefined;
	let unitDir: Direction = 'ltr';
	const mark = markOf(dir);
	for (const run of runs) {
		if (run === openLtr || run === openRtl) {
			unit = [];
			unitDir = run === openRtl ? 'rtl' : 'ltr';
		} else if (run === close) {
			if (unit?.some((r) => r.text !== '' && r.style !== CONTROL)) {
				if (unitDir === dir) items.push({runs: [control(mark), ...unit, control(mark)], own: true});
				// Left-to-right text with nothing right to left in it needs no embedding, only the marks that keep it apart.
				else if (unitDir === 'ltr' && plainLtr(unit.map((r) => r.text).join(''))) items.push({runs: [control(mark), ...unit, control(mark)]});
				else items.push({runs: [control(mark + (unitDir === 'rtl' ? RLE : LRE)), ...unit, control(PDF + mark)]});
			}
			unit = undefined;
		} else if (unit) unit.push(run);
		else if (run.text === '') continue;
		// Code blocks: lines with right-to-left letters are units (code.ts); others need no mark in a left-to-right row.
		else if (run.style.code) items.push({runs: dir === 'ltr' ? [run] : [control(mark + LRE), run, control(PDF + mark)]});
		else items.push({runs: [dir === 'rtl' ? {text: reverseNeutral(run.text), style: run.style} : run]});
	}
	if (dir === 'rtl') items.reverse();
	// A unit of the row's direction needs no mark on a side where its text
	// starts (or ends) with a strong character of that direction, or where
	// the row holds only spaces before it (after the row's own mark) or after
	// it (before the row's end): every mark saved is a cell on mlterm.
	const blank = (item: Item | undefined): boolean => item !== undefined && !item.own && item.runs.every((r) => r.style !== CONTROL && r.text.trim() === '');
	const out: Run[] = [];
	items.forEach((item, k) => {
		if (!item.own) {
			for (const run of item.runs) out.push(run);
			return;
		}
		const body = item.runs.slice(1, -1);
		const text = body.map((r) => r.text).join('');
		const firstDir = firstStrong(text, 0);
		const lastDir = lastStrong(text, 0, text.length);
		const startsOwn = firstDir === dir && strongAt(text, 0) === dir;
		const endsOwn = (lastDir === 'al' ? 'rtl' : lastDir) === dir && strongAt(text, text.length - 1) === dir;
		const onlySpacesBefore = items.slice(0, k).every(blank);
		const onlySpacesAfter = items.slice(k + 1).every(blank);
		if (!startsOwn && !onlySpacesBefore) out.push(control(mark));
		for (const run of body) out.push(run);
		if (!endsOwn && !onlySpacesAfter) out.push(control(mark));
	});
	// Neighbouring marks collapse: a mark twice in a row says nothing more.
	return out.filter((run, i) => !(run.style === CONTROL && out[i - 1]?.style === CONTROL && run.text === out[i - 1]?.text && run.text.length === 1));
}

/** Direction of the character at i if it is strong, else undefined. */
function strongAt(text: string, i: number): Direction | undefined {
	return i >= 0 && i < text.length ? strongDirection(text.charCodeAt(i)) : undefined;
}

/** Direction of the last strong character of text[from, to), 'al' for an Arabic letter, or undefined. */
export function lastStrong(text: string, from: number, to: number): Direction | 'al' | undefined {
	for (let i = to - 1; i >= from; i--) {
		const code = text.charCodeAt(i);
		const dir = strongDirection(code);
		if (dir) return dir === 'rtl' && bidiClassOf(code) === 2 ? 'al' : dir;
	}
	return undefined;
}

/** Direction of the first strong character of text[from, …), or undefined. */
export function firstStrong(text: string, from: number): Direction | undefined {
	for (let i = from; i < text.length; i++) {
		const dir = strongDirection(text.charCodeAt(i));
		if (dir) return dir;
	}
	return undefined;
}

function strongDirection(code: number): Direction | undefined {
	const c = bidiClassOf(code);
	// L = 0, R = 1, AL = 2 (text/bidi-levels.ts).
	return c === 0 ? 'ltr' : c === 1 || c === 2 ? 'rtl' : undefined;
}
