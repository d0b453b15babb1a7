// Sections: the article's parts (section-plan.ts) as the model's Section, each
// parsed only when its content is first asked for.
//
// Logic:
// 1. The lead (blocks before the first section heading) is section 1 and
//    carries the article's title; then one section per part. An article
//    that starts straight with a heading has no lead, unless the article has
//    a title of its own (markdown.ts Logic 2); an article with nothing at
//    all still has one (empty) section.
// 2. Index, title, level and size are known without parsing. Blocks, words,
//    minutes and direction are the part's content: LazySection's content()
//    and facts() parse the part (once) and count its text (once). Words and
//    minutes need only the text's words; the direction counts the prose's
//    letters as well, only when it is asked for (`sections` prints no
//    direction: it does not count them).
// 3. The Section type (model/article.ts) has them as properties, read all
//    over layout, output and the reader; LazySection gives them as getters
//    on its prototype that call those two methods. So reading
//    `section.blocks` parses, and nothing else does: a spread copies only
//    the four fields known at once (no getter runs), and JSON.stringify goes
//    through toJSON, which asks for everything.

import {type Block, type Direction, type Section} from '../model/article.js';
import {closeBidi} from './sanitize.js';
import {sectionDirection} from './direction.js';
import {readingMinutes} from './reading-time.js';
import {type Part, type PartContent} from './section-plan.js';
import {inlineText} from './tokens-to-blocks.js';

/** What counting a section's text gives: Section's words, minutes and direction. */
export type SectionFacts = Pick<Section, 'words' | 'minutes' | 'direction'>;

/** A Section whose content is parsed on first use (Logic 2–3). */
export class LazySection implements Section {
	readonly index: number;
	readonly title: string;
	readonly level: number;
	readonly size: number;
	readonly #part: Part;
	readonly #lang: string;
	readonly #articleDir: Direction;
	#counted: {readonly words: number; readonly minutes: number} | undefined;
	#direction: Direction | undefined;

	constructor(part: Part, index: number, title: string, lang: string, articleDir: Direction) {
		this.index = index;
		this.title = title;
		this.level = part.heading?.level ?? 0;
		this.size = part.size;
		this.#part = part;
		this.#lang = lang;
		this.#articleDir = articleDir;
	}

	/** The section's blocks (its heading not among them): parses the part on the first call. */
	content(): PartContent {
		return this.#part.content();
	}

	/** Words, minutes and direction: parses the part and counts its text on the first call. */
	facts(): SectionFacts {
		return {words: this.words, minutes: this.minutes, direction: this.direction};
	}

	/** Section.blocks: content().blocks (parses on first read). */
	get blocks(): readonly Block[] {
		return this.content().blocks;
	}

	/** Section.words: the words of the text (parses, counts on first read). */
	get words(): number {
		return this.#count().words;
	}

	/** Section.minutes: from the words and the language (parses, counts on first read). */
	get minutes(): number {
		return this.#count().minutes;
	}

	#count(): {readonly words: number; readonly minutes: number} {
		if (!this.#counted) {
			const words = this.content().stats().words;
			this.#counted = {words, minutes: readingMinutes(words, this.#lang)};
		}
		return this.#counted;
	}

	/** Section.direction: from the prose letters (not code), the title's included (parses, counts on first read). */
	get direction(): Direction {
		this.#direction ??= sectionDirection(this.content().prose(), this.title) ?? this.#articleDir;
		return this.#direction;
	}

	/** The section as plain data, every field of Section in its order (parses). */
	toJSON(): Section {
		const {index, title, level, size, blocks, words, minutes, direction} = this;
		return {index, title, level, size, blocks, words, minutes, direction};
	}
}

/** The article's sections (Logic 1); a section's title is its heading's text, bidi controls balanced. */
export function sectionsOf(all: readonly Part[], title: string, lang: string, dir: Direction, keepLead = false): Section[] {
	const parts = !keepLead && all.length > 1 && all[0]?.content().blocks.length === 0 ? all.slice(1) : all;
	return parts.map((part, i) => new LazySection(part, i + 1, part.heading ? closeBidi(inlineText(part.heading.inline)) : title, lang, dir));
}
