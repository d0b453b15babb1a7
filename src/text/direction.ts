// Which way a paragraph, a list or a whole article reads, from its prose: the
// higher-level protocol UAX #9 leaves to the application (HL1), as qari does it.
//
// Logic:
// 1. Only prose counts: inline code and links whose text is a URL are skipped
//    (an RTL README full of `npm ci` and https:// is still an RTL README);
//    the caller skips code blocks. Letters are strong characters (bidi class
//    L, or R and AL) outside any isolate the text opens itself.
// 2. A block's direction is the majority of its prose letters; a tie or no
//    letters at all leaves it to the context.
// 3. HL1 for a paragraph: where the context (article, list, quote) is RTL, a
//    paragraph whose prose letters are mostly RTL is RTL even when it starts
//    with a Latin word (`HTML مخفف عبارت …`, `GitHub Actions تست‌ها را …`);
//    any other paragraph takes its first strong character (P2–P3), as before.
//    Mostly-Latin paragraphs keep first-strong so an English sentence quoted in
//    an RTL article still reads left to right.

import {AL, bidiClassOf, firstStrongDirection, FSI, L, LRI, PDI, R, RLI} from './bidi/classes.js';
import {isHighSurrogate, isLowSurrogate, pairCodePoint} from './utf16.js';

export type Direction = 'ltr' | 'rtl';

/** Strong letters counted so far (mutable: one counter is fed many texts). */
export interface LetterCounts {
	rtl: number;
	ltr: number;
}

/** What the counting reads of a span's style (the model's Style fits). */
interface ProseStyle {
	readonly code?: boolean;
	readonly href?: string;
}

const urlText = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S*$/i;

/** Adds the strong letters of `text` outside isolates to `counts`. */
export function countLetters(text: string, counts: LetterCounts): LetterCounts {
	let depth = 0;
	// By code unit (a string iterator makes a string per character: this runs over every paragraph).
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const d = isHighSurrogate(c) ? text.charCodeAt(i + 1) : 0;
		const pair = isLowSurrogate(d);
		const cls = bidiClassOf(pair ? pairCodePoint(c, d) : c);
		if (pair) i++;
		if (cls === LRI || cls === RLI || cls === FSI) depth++;
		else if (cls === PDI) depth = Math.max(0, depth - 1);
		else if (depth === 0) {
			if (cls === L) counts.ltr++;
			else if (cls === R || cls === AL) counts.rtl++;
		}
	}
	return counts;
}

/** Adds the prose letters of inline content (Logic 1) to `counts`. */
export function countProse(spans: readonly {readonly text: string; readonly style: object}[], counts: LetterCounts): LetterCounts {
	for (const span of spans) {
		const style: ProseStyle = span.style;
		if (style.code === true) continue;
		if (style.href !== undefined && urlText.test(span.text.trim())) continue;
		countLetters(span.text, counts);
	}
	return counts;
}

/** The majority direction of counted letters, or undefined on a tie (none at all included). */
export function directionOfLetters(counts: LetterCounts): Direction | undefined {
	if (counts.rtl === counts.ltr) return undefined;
	return counts.rtl > counts.ltr ? 'rtl' : 'ltr';
}

/**
 * A paragraph's base direction by HL1 (Logic 3): 'rtl' where the context is RTL
 * and most of its prose letters are RTL, else 'auto' (first strong character).
 */
export function paragraphDirection(spans: readonly {readonly text: string; readonly style: object}[], context: Direction): Direction | 'auto' {
	if (context !== 'rtl') return 'auto';
	// A paragraph whose prose starts right to left is RTL either way: no need to count its letters.
	if (firstProseDirection(spans) === 'rtl') return 'rtl';
	return directionOfLetters(countProse(spans, {rtl: 0, ltr: 0})) === 'rtl' ? 'rtl' : 'auto';
}

/**
 * P2–P3 over the prose spans (inline code and URL links skipped, as the paragraph layout
 * isolates them), read as one text: an isolate one span opens goes on in the next.
 */
function firstProseDirection(spans: readonly {readonly text: string; readonly style: object}[]): Direction | undefined {
	let prose = '';
	for (const span of spans) {
		const style: ProseStyle = span.style;
		if (style.code === true || (style.href !== undefined && urlText.test(span.text))) continue;
		prose += span.text;
	}
	return firstStrongDirection(prose) ?? undefined;
}

/**
 * The direction a paragraph is laid out in, in context `context`: HL1's 'rtl', else its
 * first strong letter outside code and URLs (they are isolates), else undefined.
 */
export function inlineDirection(spans: readonly {readonly text: string; readonly style: object}[], context: Direction): Direction | undefined {
	if (paragraphDirection(spans, context) === 'rtl') return 'rtl';
	return firstProseDirection(spans);
}
