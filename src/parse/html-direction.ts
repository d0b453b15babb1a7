// The direction raw HTML declares around Markdown: `<div dir="rtl">` … `</div>`
// is how RTL READMEs tell GitHub which way they read, and the blocks between
// the two HTML blocks are Markdown. Also `lang="fa"` and `style="direction: rtl"`;
// and whether the wrapper centres them (`<div align="center">`, text-align).
//
// Logic:
// 1. Each HTML block's tags are read in order: an opening tag (not a void one
//    like <img> or <br>, not self-closed) is pushed with the direction its
//    attributes declare (dir first, then style's direction, then lang; dir="auto"
//    declares nothing); a closing tag pops back to the innermost open tag of its
//    name, when there is one (a stray </div> is ignored).
// 2. The direction in force is the innermost declared one, and so is the
//    alignment (align="…", else style's text-align; <center> centres), but
//    only an element that can hold blocks (a <div>, not a <p>: a browser ends
//    `<p align="center">` at the Markdown paragraph after it, so an unclosed
//    one does not centre the rest of the page). The stack is bounded
//    (MAX_OPEN): a hostile page of unclosed tags costs no more than a real one.
// 3. Only the top-level blocks of a text are tracked (a wrapper is an HTML block
//    of its own); the section planner feeds them in order.

import {type Direction} from '../model/article.js';
import {directionOfLang} from './direction.js';

const MAX_OPEN = 64;
type Align = 'left' | 'center' | 'right';
/** Elements whose alignment reaches the Markdown blocks inside them (they hold flow content). */
const wrappers = new Set([
	'article',
	'aside',
	'blockquote',
	'center',
	'dd',
	'details',
	'div',
	'figure',
	'footer',
	'header',
	'li',
	'main',
	'nav',
	'section',
	'td',
	'th',
]);
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** A tag: attributes hold no '<' or '>' and at most 1,000 characters, so a scan from each '<' stops at the next one (linear). */
const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]{0,1000})>/g;

/** The direction an opening tag's attributes declare, or undefined. */
export function declaredDirection(attributes: string): Direction | undefined {
	const dir = /(?:^|\s)dir\s*=\s*["']?\s*(rtl|ltr)\b/i.exec(attributes)?.[1];
	if (dir) return dir.toLowerCase() === 'rtl' ? 'rtl' : 'ltr';
	const style = /(?:^|\s)style\s*=\s*("[^"]*"|'[^']*')/i.exec(attributes)?.[1];
	const fromStyle = style ? /direction\s*:\s*(rtl|ltr)\b/i.exec(style)?.[1] : undefined;
	if (fromStyle) return fromStyle.toLowerCase() === 'rtl' ? 'rtl' : 'ltr';
	const lang = /(?:^|\s)(?:xml:)?lang\s*=\s*["']?\s*([A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*)/.exec(attributes)?.[1];
	return lang ? directionOfLang(lang) : undefined;
}

/** The alignment an opening tag's attributes declare (align, else style's text-align), or undefined. */
export function declaredAlign(attributes: string): Align | undefined {
	const style = /(?:^|\s)style\s*=\s*("[^"]*"|'[^']*')/i.exec(attributes)?.[1];
	const value =
		/(?:^|\s)align\s*=\s*["']?\s*(left|center|right)\b/i.exec(attributes)?.[1] ?? (style && /text-align\s*:\s*(left|center|right)\b/i.exec(style)?.[1]);
	return value ? (value.toLowerCase() as Align) : undefined;
}

/** Open HTML elements across a text's top-level blocks, and the direction and alignment they declare (Logic 1–2). */
export class HtmlScope {
	readonly #open: {readonly name: string; readonly dir: Direction | undefined; readonly align: Align | undefined}[] = [];

	/** Whether the innermost open element that declares an alignment centres. */
	get center(): boolean {
		for (let i = this.#open.length - 1; i >= 0; i--) {
			const align = this.#open[i]?.align;
			if (align) return align === 'center';
		}
		return false;
	}

	/** The direction in force: the innermost open element's that declares one. */
	get dir(): Direction | undefined {
		for (let i = this.#open.length - 1; i >= 0; i--) {
			const dir = this.#open[i]?.dir;
			if (dir) return dir;
		}
		return undefined;
	}

	/**
	 * Reads an HTML block's tags; returns the direction for the block's own text: the
	 * first direction one of its tags declares, else the one in force before it.
	 */
	read(html: string): Direction | undefined {
		const before = this.dir;
		let own: Direction | undefined;
		tagPattern.lastIndex = 0;
		for (let m = tagPattern.exec(html); m; m = tagPattern.exec(html)) {
			const name = (m[2] ?? '').toLowerCase();
			const attributes = m[3] ?? '';
			if (m[1]) {
				const at = this.#open.findLastIndex((e) => e.name === name);
				if (at !== -1) this.#open.length = at;
				continue;
			}
			const dir = declaredDirection(attributes);
			own ??= dir;
			if (voidElements.has(name) || attributes.trimEnd().endsWith('/')) continue;
			const align = !wrappers.has(name) ? undefined : name === 'center' ? 'center' : declaredAlign(attributes);
			if (this.#open.length < MAX_OPEN) this.#open.push({name, dir, align});
		}
		return own ?? before;
	}
}
