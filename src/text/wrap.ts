// Logical line breaking: which ranges of a paragraph go on which line.
//
// Logic:
// 1. Work on grapheme clusters measured in terminal cells (width.ts), in
//    logical order: UAX #9 wants lines chosen before they are reordered.
// 2. Break opportunities are runs of breakable spaces and ZWSP. Spaces at a
//    break hang: they are consumed by the break and never count toward the
//    width of either line.
// 3. A word wider than the line is broken between clusters, never inside
//    one (a letter keeps its harakat; an emoji sequence stays whole).
// 4. U+2028 (a Markdown hard break) forces a break and is consumed.
// 5. Width 0 means no wrapping: only forced breaks split the paragraph.

import {type Measure} from './width.js';

/** A line as a logical code-unit range [start, end) and its width in cells. */
export interface LineRange {
	readonly start: number;
	readonly end: number;
	readonly width: number;
}

const LINE_SEPARATOR = 0x2028;

/** Breakable spaces: a line may end after them and they hang. NBSP-like spaces are not here. */
export function isBreakSpace(code: number): boolean {
	return (
		code === 0x20 ||
		code === 0x200b ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x2006) ||
		(code >= 0x2008 && code <= 0x200a) ||
		code === 0x205f ||
		code === 0x3000
	);
}

/**
 * Breaks `text`, whose clusters are given by `measure`, into lines no wider
 * than `width` cells (0 = unlimited). Consumed break spaces and forced-break
 * characters belong to no line.
 */
export function breakLines(text: string, measure: Measure, width: number): LineRange[] {
	const {starts, widths, count} = measure;
	const lines: LineRange[] = [];
	const limit = width > 0 ? width : Infinity;

	let lineStart = -1; // cluster index of the line's first cluster, -1 = empty line
	let lineEnd = 0; // cluster index after the last non-space cluster of the line
	let lineWidth = 0; // width up to lineEnd
	let pendingSpaces = 0; // width of spaces after lineEnd (not yet committed)
	let pendingFrom = 0; // cluster index where those spaces start

	const emit = (): void => {
		if (lineStart >= 0) lines.push({start: at(starts, lineStart), end: at(starts, lineEnd), width: lineWidth});
		else lines.push({start: at(starts, pendingFrom), end: at(starts, pendingFrom), width: 0});
		lineStart = -1;
		lineWidth = 0;
		pendingSpaces = 0;
	};

	let i = 0;
	while (i < count) {
		const code = text.charCodeAt(at(starts, i));
		if (code === LINE_SEPARATOR) {
			if (lineStart < 0) pendingFrom = i;
			emit();
			pendingFrom = i + 1;
			i++;
			continue;
		}
		if (isBreakSpace(code) && starts[i + 1] === at(starts, i) + 1) {
			if (lineStart < 0) {
				// Spaces at the start of a line (after a break) are consumed.
				pendingFrom = i + 1;
			} else {
				if (pendingSpaces === 0) pendingFrom = i;
				pendingSpaces += widths[i] ?? 0;
			}
			i++;
			continue;
		}
		// A word: the clusters up to the next space or forced break.
		let j = i;
		let wordWidth = 0;
		while (j < count) {
			const c = text.charCodeAt(at(starts, j));
			if (c === LINE_SEPARATOR || (isBreakSpace(c) && starts[j + 1] === at(starts, j) + 1)) break;
			wordWidth += widths[j] ?? 0;
			j++;
		}
		if (lineStart >= 0 && lineWidth + pendingSpaces + wordWidth <= limit) {
			lineEnd = j;
			lineWidth += pendingSpaces + wordWidth;
			pendingSpaces = 0;
		} else {
			if (lineStart >= 0) emit();
			// The word starts a new line; if it is too wide, cut it between clusters.
			let k = i;
			lineStart = i;
			lineWidth = 0;
			while (k < j) {
				const w = widths[k] ?? 0;
				if (lineWidth + w > limit && lineWidth > 0) {
					lineEnd = k;
					emit();
					lineStart = k;
				}
				lineWidth += w;
				k++;
			}
			lineEnd = j;
			pendingSpaces = 0;
		}
		i = j;
	}
	if (lineStart >= 0) emit();
	if (lines.length === 0) lines.push({start: 0, end: 0, width: 0});
	return lines;
}

function at(array: Uint32Array, index: number): number {
	return array[index] ?? 0;
}
