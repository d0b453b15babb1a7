// One styled paragraph → laid-out lines, in the order of UAX #9 §3.4.
//
// Logic:
// 1. Flatten the spans into one logical string plus a style id per code
//    unit. Inline code and URLs go inside LRI…PDI so they stay left to right
//    whatever surrounds them. Styles never enter the string: no ANSI here.
// 2. Resolve embedding levels once for the whole paragraph (bidi-js). Levels
//    must not depend on where lines break, so this comes before wrapping.
// 3. Shape Arabic in logical order (outside code), before measuring: shaping
//    changes widths (lam + alef becomes one cell). The shaper keeps the
//    string's length, so levels and styles still line up index for index.
// 4. Break lines in logical order by cluster widths (wrap.ts).
// 5. Per line: reorder (L1–L3, bidi.ts), mirror at odd levels (L4), drop
//    what must never be printed (bidi controls, the shaper's U+FEFF filler,
//    the hard-break marker), and group neighbouring clusters of one style
//    into runs. In logical order only step 5's dropping and grouping apply.

import {type Direction, type Inline, type Run, type Style} from '../article.js';
import {isBidiControl, mirrorChar, reorderLine, resolveLevels, type ParagraphLevels} from './bidi.js';
import {shapeArabic} from './shape.js';
import {measureClusters, type Measure} from './width.js';
import {breakLines} from './wrap.js';

export type Order = 'visual' | 'logical';

export interface ParagraphOptions {
	/** Line width in cells; 0 = no wrapping. */
	readonly width: number;
	readonly order: Order;
	/** Arabic presentation forms (never inside code). */
	readonly shape: boolean;
	/** Paragraph direction: 'auto' = first strong character, else `fallback`. */
	readonly dir: 'auto' | Direction;
	readonly fallback: Direction;
	/** Extra styles over logical ranges of the paragraph's text (search matches). */
	readonly marks?: readonly Mark[];
}

/** A logical range [start, end) of a paragraph's plain text with a style to add. */
export interface Mark {
	readonly start: number;
	readonly end: number;
	readonly style: Style;
}

export interface ParagraphLine {
	/** Visual runs (or logical, in logical order); no padding. */
	readonly runs: readonly Run[];
	readonly width: number;
	/** Offset of the line's first character in the paragraph's plain text. */
	readonly offset: number;
	/** Offset just after the line's last character (break spaces excluded). */
	readonly end: number;
}

export interface LaidParagraph {
	readonly lines: readonly ParagraphLine[];
	readonly direction: Direction;
	/** Length of the paragraph's plain text (what offsets count). */
	readonly length: number;
}

const LRI = '\u2066';
const PDI = '\u2069';
const FILLER = 0xfeff;
const LINE_SEPARATOR = 0x2028;

interface Logical {
	readonly text: string;
	/** Style id per code unit of `text`. */
	readonly styleIds: Uint16Array;
	readonly styles: readonly Style[];
	/** Plain-text offset per code unit (isolates we added do not count). */
	readonly plainOffset: Uint32Array;
	/** Whether each code unit is inside inline code (never shaped). */
	readonly code: Uint8Array;
	readonly plainLength: number;
}

const urlPattern = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S*$/i;

/** The plain text of a paragraph, as `marks` and line offsets count it. */
export function paragraphText(inline: Inline): string {
	let text = '';
	for (const span of inline) text += span.text;
	return text.replace(/\t/g, ' ');
}

function buildLogical(inline: Inline, marks: readonly Mark[] | undefined): Logical {
	const parts: string[] = [];
	const styles: Style[] = [];
	const styleIndex = new Map<Style, number>();
	const ids: number[] = [];
	const offsets: number[] = [];
	const codeFlags: number[] = [];
	let plain = 0;
	let length = 0;
	const idOf = (style: Style): number => {
		let id = styleIndex.get(style);
		if (id === undefined) {
			id = styles.length;
			styles.push(style);
			styleIndex.set(style, id);
		}
		return id;
	};
	const add = (text: string, id: number, isCode: boolean, counts: boolean): void => {
		parts.push(text);
		for (let k = 0; k < text.length; k++) {
			ids.push(id);
			offsets.push(plain);
			codeFlags.push(isCode ? 1 : 0);
			if (counts) plain++;
		}
		length += text.length;
	};
	for (const span of inline) {
		const text = span.text.replace(/\t/g, ' ');
		const id = idOf(span.style);
		const isolate = span.style.code === true || (span.style.href !== undefined && urlPattern.test(text));
		if (isolate) add(LRI, id, true, false);
		add(text, id, span.style.code === true, true);
		if (isolate) add(PDI, id, true, false);
	}
	const text = parts.join('');
	const styleIds = Uint16Array.from(ids);
	if (marks?.length) {
		// Marks refine the style of the code units they cover.
		const derived = new Map<string, number>();
		for (let k = 0; k < length; k++) {
			const at = offsets[k] ?? 0;
			for (const mark of marks) {
				if (at >= mark.start && at < mark.end) {
					const base = styleIds[k] ?? 0;
					const key = `${base}:${marks.indexOf(mark)}`;
					let id = derived.get(key);
					if (id === undefined) {
						id = styles.length;
						styles.push({...styles[base], ...mark.style});
						derived.set(key, id);
					}
					styleIds[k] = id;
				}
			}
		}
	}
	return {
		text,
		styleIds,
		styles,
		plainOffset: Uint32Array.from(offsets),
		code: Uint8Array.from(codeFlags),
		plainLength: plain,
	};
}

function shapeOutsideCode(logical: Logical): string {
	const {text, code} = logical;
	if (!code.includes(1)) return shapeArabic(text);
	let out = '';
	let k = 0;
	while (k < text.length) {
		let j = k;
		const isCode = code[k] === 1;
		while (j < text.length && (code[j] === 1) === isCode) j++;
		out += isCode ? text.slice(k, j) : shapeArabic(text.slice(k, j));
		k = j;
	}
	return out;
}

/** Never printed: bidi controls, the shaper's filler, the hard-break marker. */
export function isHidden(code: number): boolean {
	return code === FILLER || code === LINE_SEPARATOR || isBidiControl(code);
}

const scratch: Measure = {starts: new Uint32Array(256), widths: new Uint8Array(256), count: 0};
let order = new Int32Array(256);

/** Lays out one paragraph. Pure; never throws on content. */
export function layoutParagraph(inline: Inline, options: ParagraphOptions): LaidParagraph {
	const logical = buildLogical(inline, options.marks);
	const para = resolveLevels(logical.text, options.dir, options.fallback);
	const direction: Direction = para.level % 2 === 1 ? 'rtl' : 'ltr';
	const text = options.shape ? shapeOutsideCode(logical) : logical.text;
	const measure = measureClusters(text, scratch);
	const ranges = breakLines(text, measure, options.width);
	const lines: ParagraphLine[] = [];
	for (const range of ranges) {
		const runs =
			options.order === 'visual'
				? visualRuns(text, para, logical, range.start, range.end)
				: logicalRuns(text, logical, range.start, range.end);
		const offset = logical.plainOffset[range.start] ?? logical.plainLength;
		const end = range.end < logical.text.length ? (logical.plainOffset[range.end] ?? offset) : logical.plainLength;
		lines.push({runs, width: range.width, offset, end: Math.max(offset, end)});
	}
	return {lines, direction, length: logical.plainLength};
}

function visualRuns(text: string, para: ParagraphLevels, logical: Logical, start: number, end: number): Run[] {
	if (order.length < end - start) order = new Int32Array(Math.max(end - start, order.length * 2));
	const indices = reorderLine(text, para, start, end, order);
	const count = end - start;
	const runs: Run[] = [];
	let runStyle = -1;
	let chars: string[] = [];
	const flush = (): void => {
		const style = logical.styles[runStyle];
		if (chars.length && style) runs.push({text: chars.join(''), style});
		chars = [];
	};
	for (let k = 0; k < count; k++) {
		const i = indices[k] ?? 0;
		const code = text.charCodeAt(i);
		if (isHidden(code)) continue;
		if (code >= 0xdc00 && code <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1))) continue; // emitted with its high half
		let ch: string;
		if (isHigh(code) && i + 1 < text.length) ch = text.slice(i, i + 2);
		else ch = text[i] ?? '';
		if ((para.levels[i] ?? 0) % 2 === 1) ch = mirrorChar(ch);
		const id = logical.styleIds[i] ?? 0;
		if (id !== runStyle) {
			flush();
			runStyle = id;
		}
		chars.push(ch);
	}
	flush();
	return runs;
}

function logicalRuns(text: string, logical: Logical, start: number, end: number): Run[] {
	const runs: Run[] = [];
	let k = start;
	while (k < end) {
		const id = logical.styleIds[k] ?? 0;
		let j = k;
		let piece = '';
		let from = k;
		while (j < end && logical.styleIds[j] === id) {
			if (isHidden(text.charCodeAt(j))) {
				piece += text.slice(from, j);
				from = j + 1;
			}
			j++;
		}
		piece += text.slice(from, j);
		const style = logical.styles[id];
		if (piece && style) runs.push({text: piece, style});
		k = j;
	}
	return runs;
}

function isHigh(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}
