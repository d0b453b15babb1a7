// The links and images of a section, for the links list (`l`): a reader on a
// terminal without OSC 8 hyperlinks (tmux 3.3 strips them) reaches a link here.
//
// Logic:
// 1. Neighbouring spans with one target are one link, its text theirs
//    joined: a link whose text is half bold is still one link.
// 2. Images come from the parser as `[image: alt]` spans with the image's
//    address as target: they are listed as images, by their alt text.
// 3. A link listed twice (same text, same target) is listed once, where it
//    first comes.

import {type Inline, type Section} from '../model/article.js';
import {forEachLeafBlock} from '../model/walk.js';
import {sectionBlocks} from '../layout/blocks.js';

export interface SectionLink {
	readonly text: string;
	readonly href: string;
	readonly image: boolean;
}

const cache = new WeakMap<Section, readonly SectionLink[]>();

/** The links and images of a section, in reading order (Logic 1–3); kept per section. */
export function sectionLinks(section: Section): readonly SectionLink[] {
	const hit = cache.get(section);
	if (hit) return hit;
	const links = collect(section);
	cache.set(section, links);
	return links;
}

function collect(section: Section): SectionLink[] {
	const links: SectionLink[] = [];
	const seen = new Set<string>();
	const add = (text: string, href: string): void => {
		const clean = text.replace(/\s+/g, ' ').trim();
		// The parser shows an image as `[image: alt]` (or `[image]`).
		const image = /^\[image(?:: .*)?\]$/s.test(clean) || /^\[.*\]$/s.test(clean);
		const key = `${clean}\u0000${href}`;
		if (seen.has(key)) return;
		seen.add(key);
		links.push({text: image ? clean.slice(1, -1).replace(/^image(?:: )?/, '') : clean, href, image});
	};
	const walk = (inline: Inline): void => {
		let text = '';
		let href: string | undefined;
		for (const span of inline) {
			if (span.style.href !== href) {
				if (href !== undefined) add(text, href);
				text = '';
				href = span.style.href;
			}
			if (href !== undefined) text += span.text;
		}
		if (href !== undefined) add(text, href);
	};
	forEachLeafBlock(sectionBlocks(section), (block) => {
		if (block.kind === 'paragraph' || block.kind === 'heading') walk(block.inline);
		else if (block.kind === 'table') for (const row of [block.header, ...block.rows]) for (const cell of row) walk(cell);
	});
	return links;
}
