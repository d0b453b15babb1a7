// The article as the pager sees it: each section's lines at a width, laid out
// on demand and kept in a small LRU cache, and search matches counted per
// section. Pure (deterministic): the caches only save time.
//
// Logic:
// 1. Nothing is laid out until asked for: opening the reader lays out the
//    section on screen (and, once it is drawn, the UI asks for the sections
//    before and after it while idle), a resize lays out that section again
//    at the new width, and the rest waits until it is shown. The table of
//    contents needs only the titles the article already has.
// 2. The layout cache is bounded by entries and by lines, so a book of long
//    chapters cannot pin every chapter at every width a window has had. The
//    entry just laid out is always kept, however long.
// 3. A search counts the matches of every section of the book, so counting
//    lays nothing out: it searches each section's paragraphs folded to search
//    form (search.ts), in layout order (forEachParagraphText), joined with a
//    newline that no folded text or query contains. The count is the one the
//    highlighter makes on the pages: the same non-overlapping matches of the
//    same folded query in the same folded paragraphs, so match n of a section
//    is the n-th highlighted on its pages.
// 4. Folding is most of a search's cost on a large book and does not depend on
//    the query: the folded text of a section is cached (bounded by length),
//    and prepareSearch lets the UI fold sections while it is idle.

import {type Article} from '../model/article.js';
import {type Line} from '../model/line.js';
import {forEachParagraphText, layoutSection, sectionBlocks, type LayoutOptions} from '../layout/blocks.js';
import {createHighlighter, foldQuery, foldText} from './search.js';

/** How the reader lays text out; the width comes with each request. */
export type BookOptions = Omit<LayoutOptions, 'width' | 'highlight'>;

/** The search a layout highlights: every match, one of them (by number in the section) the current one. */
export interface Highlight {
	readonly query: string;
	/** 0-based number of the current match in the section, or -1. */
	readonly current: number;
}

export interface Book {
	readonly article: Article;
	/** Number of sections. */
	readonly count: number;
	/** A section's lines (0-based section) at a text width, with search highlights. */
	lines(section: number, width: number, highlight?: Highlight): readonly Line[];
	/** How many matches of `query` a section has. */
	matches(section: number, query: string): number;
	/** Does now the query-independent work a search of the section needs (Logic 4). */
	prepareSearch(section: number): void;
}

/** Default number of laid-out sections kept (sections × widths × searches). */
export const CACHE_SIZE = 16;
/** Default bound on the lines kept in the layout cache, all entries together. */
export const CACHE_LINES = 200_000;
/** Match counts are small: many more are kept (sections × queries). */
const COUNT_CACHE_SIZE = 65_536;
/** Bound on the folded text kept for searches, in UTF-16 code units (all sections together). */
const FOLDED_UNITS = 16_000_000;

/** An LRU map bounded by entries and by a total weight; the newest entry always stays. */
class Lru<T> {
	private readonly map = new Map<string, {value: T; weight: number}>();
	private total = 0;

	constructor(
		private readonly maxEntries: number,
		private readonly maxWeight: number,
	) {}

	get(key: string): T | undefined {
		const hit = this.map.get(key);
		if (hit === undefined) return undefined;
		// Re-insert: a Map iterates in insertion order, so the oldest is first.
		this.map.delete(key);
		this.map.set(key, hit);
		return hit.value;
	}

	set(key: string, value: T, weight: number): void {
		const old = this.map.get(key);
		if (old) {
			this.total -= old.weight;
			this.map.delete(key);
		}
		this.map.set(key, {value, weight});
		this.total += weight;
		while (this.map.size > 1 && (this.map.size > this.maxEntries || this.total > this.maxWeight)) {
			const oldest = this.map.keys().next();
			if (oldest.done) break;
			this.total -= this.map.get(oldest.value)?.weight ?? 0;
			this.map.delete(oldest.value);
		}
	}
}

/**
 * A book over an article with an LRU cache of at most `cacheSize` laid-out sections
 * holding at most `cacheLines` lines together (Logic 2).
 */
export function createBook(article: Article, options: BookOptions, cacheSize = CACHE_SIZE, cacheLines = CACHE_LINES): Book {
	const cache = new Lru<readonly Line[]>(cacheSize, cacheLines);
	const counts = new Lru<number>(COUNT_CACHE_SIZE, Infinity);
	const foldedTexts = new Lru<string>(article.sections.length || 1, FOLDED_UNITS);
	const folded = (section: number): string => {
		const key = String(section);
		const hit = foldedTexts.get(key);
		if (hit !== undefined) return hit;
		const s = article.sections[section];
		const parts: string[] = [];
		if (s) forEachParagraphText(sectionBlocks(s), (text) => parts.push(foldText(text).text));
		const text = parts.join('\n');
		foldedTexts.set(key, text, text.length + 1);
		return text;
	};
	return {
		article,
		count: article.sections.length,
		lines(section, width, highlight) {
			const s = article.sections[section];
			if (!s) return [];
			const query = highlight?.query ?? '';
			const current = highlight?.current ?? -1;
			const key = `${section}\u0000${width}\u0000${query}\u0000${query ? current : -1}`;
			const hit = cache.get(key);
			if (hit) return hit;
			// The reader's logical order is for a terminal that reorders rows itself: rows built for it (layout/implicit.ts).
			const implicit = options.order === 'logical';
			const lines = layoutSection(s, {...options, width, implicit, ...(query ? {highlight: createHighlighter(query, current)} : {})});
			cache.set(key, lines, lines.length + 1);
			return lines;
		},
		matches(section, query) {
			if (!article.sections[section] || !query) return 0;
			const key = `${section}\u0000${query}`;
			const hit = counts.get(key);
			if (hit !== undefined) return hit;
			const needle = foldQuery(query);
			let n = 0;
			if (needle) {
				const text = folded(section);
				for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
			}
			counts.set(key, n, 1);
			return n;
		},
		prepareSearch(section) {
			if (article.sections[section]) folded(section);
		},
	};
}
