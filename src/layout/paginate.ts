// Laid-out lines × screen height → pages, and the arithmetic the pager and
// the footer share. Pure.
//
// A section's pages are fixed chunks of `height` lines, the last one short.
// The reader may also scroll by single lines, so the screen shows the window
// starting at any line `top`; the page number shown is the page that window
// mostly covers (the last page once the end of the section is on screen).

import {type Line, type Page} from '../model/line.js';

/** Splits lines into pages of `height` lines (at least one page, maybe empty). */
export function paginate(lines: readonly Line[], height: number): Page[] {
	const h = Math.max(1, height);
	const pages: Page[] = [];
	for (let start = 0; start < lines.length; start += h) pages.push({lines: lines.slice(start, start + h), start});
	if (pages.length === 0) pages.push({lines: [], start: 0});
	return pages;
}

/** The window of `height` lines starting at line `top`. */
export function pageAt(lines: readonly Line[], top: number, height: number): Page {
	const start = Math.max(0, Math.min(top, lines.length));
	return {lines: lines.slice(start, start + Math.max(1, height)), start};
}

/** Number of pages of a section of `count` lines. */
export function pageCount(count: number, height: number): number {
	return Math.max(1, Math.ceil(count / Math.max(1, height)));
}

/** 1-based number of the page shown when the window starts at `top`. */
export function pageNumber(count: number, top: number, height: number): number {
	const h = Math.max(1, height);
	const total = pageCount(count, h);
	if (top + h >= count) return total;
	return Math.min(total, Math.floor((top + Math.floor(h / 2)) / h) + 1);
}

/** Index of the line that holds logical offset `anchor`: the last line starting at or before it. */
export function lineAtOffset(lines: readonly Line[], anchor: number): number {
	// Offsets never decrease along a section's lines: binary search.
	let lo = 0;
	let hi = lines.length - 1;
	let found = 0;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if ((lines[mid]?.offset ?? 0) <= anchor) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	// Several lines may share an offset (a blank line, a heading's rule):
	// start at the first of them that has text, not the blank before it.
	const offset = lines[found]?.offset ?? 0;
	let first = found;
	while (first > 0 && lines[first - 1]?.offset === offset) first--;
	while (first < found && isBlank(lines[first])) first++;
	return first;
}

/** A line with nothing but spaces (blank rows of RTL text come padded). */
export function isBlank(line: Line | undefined): boolean {
	if (!line) return true;
	for (const run of line.runs) if (run.text.trim() !== '') return false;
	return true;
}
