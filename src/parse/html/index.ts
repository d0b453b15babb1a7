// A web page → an Article, as a reader view shows it: Readability (Firefox's
// reader view, @mozilla/readability) finds the main content on a linkedom
// DOM, blocks.ts walks it into qari's blocks, sections.ts cuts sections by
// the Markdown rules. This module and what it imports are loaded only for
// HTML input (a bundle of their own: scripts/build/build.mjs).
//
// Logic:
// 1. Metadata is read before Readability runs (it takes the document apart):
//    the <html>/<body> dir and lang, the <h1>, and for --raw the page's own
//    metadata (og:, article:, author, JSON-LD is left to Readability).
// 2. Before Readability, what no reader view wants and Readability keeps is
//    removed (NOT_CONTENT): MediaWiki's edit links (else Readability drops
//    every heading with its wrapper, mozilla/readability#986), navigation
//    boxes and category links, and ad slots by their usual class names (an
//    ad inside the article's body is kept by Readability with its label).
// 3. Readability's title keeps a " – Site" suffix when its separator is an
//    en or em dash or a middle dot (WordPress, Wikipedia): it is cut when it
//    names the site or when the page's H1 is the title without it.
// 4. When Readability finds no article (or fails), the whole <body> is shown,
//    and `extracted` says so; --raw always shows the whole <body>.
// 5. A first heading that repeats the title is dropped (Readability makes
//    the page's <h1> an <h2>, which would open a section). The article
//    starts with a line of its metadata (byline · site · date ·
//    the page's host, linked to its URL), as a reader view shows it under
//    the title: the reader's first page and the text export carry it.
// 6. Direction: <html dir>, else <body dir>, else the dir Readability found
//    on the content's ancestors; else (sections.ts) the language's, else
//    the letters'. `dir` on elements inside stays with their paragraphs.

import {Readability} from '@mozilla/readability';
import {type Article, type Block, type Direction, type Span, type Style} from '../../model/article.js';
import {stripControls} from '../sanitize.js';
import {blocksOfElement, dirOf} from './blocks.js';
import {type DomDocument, type DomElement, parsePage} from './dom.js';
import {articleOfBlocks} from './sections.js';

export {decodePage, looksLikeHtml, sniffEncoding} from './charset.js';

export interface HtmlOptions {
	/** The page's address: links are made absolute from it and it is kept as metadata ('' for a file or stdin). */
	readonly url?: string;
	/** Show the whole page, not the extracted article. */
	readonly raw?: boolean;
	/** The title when the page has none (a file's name). */
	readonly fallbackTitle?: string;
}

export interface HtmlResult {
	readonly article: Article;
	/** Whether the article is Readability's extraction (false: the whole page, by --raw or because none was found). */
	readonly extracted: boolean;
}

/** Elements removed before Readability runs (Logic 2). */
export const NOT_CONTENT = [
	'.mw-editsection',
	'.navbox',
	'.vertical-navbox',
	'.catlinks',
	'.mw-jump-link',
	'.ad',
	'.ads',
	'.ad-slot',
	'.ad-container',
	'.advert',
	'.advertisement',
	'.adsbygoogle',
	'[id^="div-gpt-ad"]',
	'[data-ad-slot]',
].join(',');

/** Readability gives up on pages with more elements than this (a guard against pathological pages). */
const MAX_ELEMENTS = 200_000;

/** Parses a page's (decoded, sanitized) text into an Article. Never throws on content. */
export function parseHtml(html: string, options: HtmlOptions = {}): HtmlResult {
	const url = options.url ?? '';
	const document = parsePage(html, url);
	const root = document.documentElement;
	const htmlDir = (root && dirOf(root)) ?? (document.body ? dirOf(document.body) : undefined);
	const htmlLang = clean(root?.getAttribute('lang') ?? root?.getAttribute('xml:lang') ?? '');
	const h1 = clean(document.querySelector('h1')?.textContent ?? '');
	const own = pageMetadata(document);
	const fallbackTitle = options.fallbackTitle ?? 'Untitled';

	if (!options.raw) {
		const junk = document.querySelectorAll(NOT_CONTENT);
		for (let i = junk.length - 1; i >= 0; i--) junk[i]?.remove();
		let parsed: ReturnType<Readability<DomElement>['parse']> = null;
		try {
			const reader = new Readability<DomElement>(document as never, {serializer: (el) => el as unknown as DomElement, maxElemsToParse: MAX_ELEMENTS});
			parsed = reader.parse();
		} catch {
			parsed = null;
		}
		const content = parsed?.content;
		if (parsed && content) {
			const site = clean(parsed.siteName ?? '') || own.site;
			const lang = htmlLang || clean(parsed.lang ?? '');
			const dir = htmlDir ?? parseDirection(parsed.dir);
			const title = cleanTitle(clean(parsed.title ?? '') || own.title, site, h1);
			const meta = metaOf({title, byline: clean(parsed.byline ?? '') || own.byline, site, date: clean(parsed.publishedTime ?? '') || own.date, lang, dir, url});
			const blocks = withMetaLine(withoutTitleHeading(blocksOfElement(content, dir), title), meta);
			return {article: articleOfBlocks(blocks, {title, fallbackTitle, meta, lang, dir}), extracted: true};
		}
	}
	const body = document.body ?? document.documentElement;
	const title = cleanTitle(own.title, own.site, h1);
	const meta = metaOf({title, byline: own.byline, site: own.site, date: own.date, lang: htmlLang, dir: htmlDir, url});
	const blocks = withMetaLine(withoutTitleHeading(body ? blocksOfElement(body, htmlDir) : [], title), meta);
	return {article: articleOfBlocks(blocks, {title, fallbackTitle, meta, lang: htmlLang, dir: htmlDir}), extracted: false};
}

/**
 * The blocks without a first heading that repeats the title: Readability
 * turns the page's <h1> into an <h2>, which would open a section of its own.
 */
function withoutTitleHeading(blocks: Block[], title: string): Block[] {
	const first = blocks[0];
	if (first?.kind !== 'heading' || !title) return blocks;
	const text = first.inline
		.map((span) => span.text)
		.join('')
		.replace(/[\s\u200e\u200f]+/g, ' ')
		.trim();
	return text === title ? blocks.slice(1) : blocks;
}

/** The blocks with the metadata line first, after a title H1 (Logic 5); unchanged when there is no metadata to show. */
export function withMetaLine(blocks: Block[], meta: Readonly<Record<string, string>>): Block[] {
	const spans: Span[] = [];
	const add = (text: string | undefined, style: Style = {}): void => {
		if (!text) return;
		if (spans.length) spans.push({text: ' · ', style: {}});
		spans.push({text, style});
	};
	add(meta['byline'], {emphasis: true});
	if (meta['site'] && meta['site'] !== meta['byline']) add(meta['site']);
	const date = meta['date'] ?? '';
	// The date and the host read left to right in any paragraph: isolated (in an Arabic line 2021-09-14 would show as 14-09-2021).
	const ltr = (text: string): string => (text ? `\u2066${text}\u2069` : '');
	add(ltr(/^\d{4}-\d{2}-\d{2}T/.test(date) ? date.slice(0, 10) : date));
	if (meta['url']) {
		try {
			add(ltr(new URL(meta['url']).hostname), {href: meta['url']});
		} catch {
			// Not a URL: nothing to show.
		}
	}
	if (!spans.length) return blocks;
	const line: Block = {kind: 'paragraph', inline: spans};
	const first = blocks[0];
	return first?.kind === 'heading' && first.level === 1 ? [first, line, ...blocks.slice(1)] : [line, ...blocks];
}

function clean(text: string): string {
	return stripControls(text).replace(/\s+/g, ' ').trim();
}

function parseDirection(value: string | null | undefined): Direction | undefined {
	const v = value?.trim().toLowerCase();
	return v === 'rtl' || v === 'ltr' ? v : undefined;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The title without a trailing " – Site" (Logic 3). */
export function cleanTitle(title: string, site: string, h1: string): string {
	let out = title;
	if (site && out !== site) out = out.replace(new RegExp(`\\s+[–—|\\-·:•]\\s+${escapeRegExp(site)}\\s*$`), '');
	if (h1 && out !== h1 && out.startsWith(h1) && /^\s+[–—|\-·:•]\s+\S/.test(out.slice(h1.length))) out = h1;
	return out;
}

/** The metadata kept with the article (front matter's keys: saved articles are Markdown with these). */
function metaOf(fields: Record<string, string | undefined>): Record<string, string> {
	const meta: Record<string, string> = {};
	for (const [key, value] of Object.entries(fields)) if (value) meta[key] = value;
	return meta;
}

interface PageMetadata {
	readonly title: string;
	readonly site: string;
	readonly byline: string;
	readonly date: string;
}

/** The page's own metadata: Open Graph, article:, author and <title> (Logic 1). */
function pageMetadata(document: DomDocument): PageMetadata {
	const metas = document.querySelectorAll('meta');
	const values = new Map<string, string>();
	for (let i = 0; i < metas.length; i++) {
		const meta = metas[i];
		if (!meta) continue;
		const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').trim().toLowerCase();
		const content = clean(meta.getAttribute('content') ?? '');
		if (key && content && !values.has(key)) values.set(key, content);
	}
	const pick = (...keys: string[]): string => {
		for (const key of keys) {
			const v = values.get(key);
			if (v) return v;
		}
		return '';
	};
	return {
		title: pick('og:title', 'twitter:title', 'dc.title') || clean(document.title ?? ''),
		site: pick('og:site_name', 'application-name'),
		byline: pick('author', 'article:author', 'dc.creator', 'byl'),
		date: pick('article:published_time', 'og:article:published_time', 'date', 'dc.date', 'pubdate'),
	};
}
