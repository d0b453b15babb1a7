// The article as the pager sees it: each section's lines at a width, laid out
// on demand and kept in a small LRU cache, and search matches counted per
// section. Pure (deterministic): the cache only saves time.

import {type Article, type Line} from './article.js';
import {layoutSection, type LayoutOptions} from './layout.js';
import {createHighlighter} from './search.js';

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
}

/** Default size of the layout cache (sections × widths × searches). */
export const CACHE_SIZE = 16;

/** A book over an article with an LRU cache of `cacheSize` laid-out sections. */
export function createBook(article: Article, options: BookOptions, cacheSize = CACHE_SIZE): Book {
	const cache = new Map<string, readonly Line[]>();
	const counts = new Map<string, number>();
	const remember = <T>(map: Map<string, T>, key: string, make: () => T): T => {
		const hit = map.get(key);
		if (hit !== undefined) {
			// Re-insert: a Map iterates in insertion order, so the oldest is first.
			map.delete(key);
			map.set(key, hit);
			return hit;
		}
		const value = make();
		map.set(key, value);
		while (map.size > cacheSize) {
			const oldest = map.keys().next();
			if (oldest.done) break;
			map.delete(oldest.value);
		}
		return value;
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
			return remember(cache, key, () =>
				layoutSection(s, {...options, width, ...(query ? {highlight: createHighlighter(query, current)} : {})}),
			);
		},
		matches(section, query) {
			const s = article.sections[section];
			if (!s || !query) return 0;
			return remember(counts, `${section}\u0000${query}`, () => {
				// Matches do not depend on width or order: count them in the
				// cheapest layout, through the same highlighter the pages use.
				let n = 0;
				const highlight = createHighlighter(query);
				layoutSection(s, {width: 0, order: 'logical', shape: false, dir: options.dir, baseDir: options.baseDir, highlight: (text) => {
					const marks = highlight(text);
					n += marks.length;
					return marks;
				}});
				return n;
			});
		},
	};
}
