// An Article → Markdown with front matter: how a web page is kept in the
// reading list, so that reading it offline is reading a Markdown file, with
// the same parser as every other article.
//
// Logic:
// 1. Front matter holds the metadata as flat `key: value` lines (the shape
//    parse/markdown.ts reads back); line breaks in a value become spaces.
// 2. Text is escaped so that it reads back as the same text: ASCII
//    punctuation Markdown acts on is backslash-escaped inline, and a line
//    that would start a block (#, >, -, +, *, 1., =, |, a fence or a
//    4-space indent) has its first character escaped or its indent dropped.
// 3. Every section's heading is written at its level; the lead has none (its
//    title is the article's, in front matter). A hard break (U+2028) is a
//    backslash at the end of the line.
// 4. test/markdown-out.test.ts parses the output again and compares the
//    blocks with the article's.

import {type Article, type Block, type Inline, type Style} from '../model/article.js';

/** The article as Markdown, its metadata in front matter (Logic 1–3). */
export function articleMarkdown(article: Article, meta: Readonly<Record<string, string>>): string {
	const head = ['---'];
	for (const [key, raw] of Object.entries(meta)) {
		if (!/^[A-Za-z_][\w-]*$/.test(key)) continue;
		let value = raw.replace(/\s+/g, ' ').trim();
		if (!value) continue;
		if (/^["']/.test(value)) value = `"${value}"`;
		head.push(`${key}: ${value}`);
	}
	head.push('---', '');
	const body: string[] = [];
	for (const section of article.sections) {
		if (section.level > 0) body.push(`${'#'.repeat(Math.min(6, section.level))} ${escapeText(section.title.replace(/\s+/g, ' '))}`);
		for (const block of section.blocks) body.push(blockMarkdown(block));
	}
	return `${head.join('\n')}\n${body.filter((b) => b !== '').join('\n\n')}\n`;
}

function blockMarkdown(block: Block): string {
	switch (block.kind) {
		case 'paragraph':
			return escapeLineStart(inlineMarkdown(block.inline));
		case 'heading':
			return `${'#'.repeat(Math.min(6, Math.max(1, block.level)))} ${inlineMarkdown(block.inline).replace(/\\\n/g, ' ')}`;
		case 'rule':
			return '---';
		case 'code': {
			let fence = '```';
			while (block.text.includes(fence)) fence += '`';
			return `${fence}${block.lang.replace(/[`\s]/g, '')}\n${block.text}\n${fence}`;
		}
		case 'quote':
			return block.blocks
				.map(blockMarkdown)
				.filter((b) => b !== '')
				.join('\n\n')
				.split('\n')
				.map((line) => (line ? `> ${line}` : '>'))
				.join('\n');
		case 'list': {
			// Items separated by a blank line read back as a loose list: only lists of one-paragraph items can be tight.
			const tight = block.tight !== false && block.items.every((item) => item.length === 1 && item[0]?.kind === 'paragraph');
			return block.items
				.map((item, i) => {
					const marker = block.ordered ? `${block.start + i}. ` : '- ';
					const pad = ' '.repeat(marker.length);
					const text =
						item
							.map(blockMarkdown)
							.filter((b) => b !== '')
							.join('\n\n') || '';
					return text
						.split('\n')
						.map((line, n) => (n === 0 ? marker + line : line ? pad + line : ''))
						.join('\n');
				})
				.join(tight ? '\n' : '\n\n');
		}
		case 'table': {
			const cell = (inline: Inline): string => inlineMarkdown(inline).replace(/\\\n/g, ' ') || ' ';
			const columns = Math.max(block.header.length, ...block.rows.slice(0, 1000).map((r) => r.length));
			const row = (cells: readonly Inline[]): string => `| ${Array.from({length: columns}, (_, c) => cell(cells[c] ?? [])).join(' | ')} |`;
			const rule = `| ${Array.from({length: columns}, (_, c) => {
				const a = block.align[c];
				return a === 'center' ? ':---:' : a === 'right' ? '---:' : a === 'left' ? ':---' : '---';
			}).join(' | ')} |`;
			return [row(block.header), rule, ...block.rows.map(row)].join('\n');
		}
	}
}

/** ASCII punctuation Markdown may act on inside a line. */
const inlinePunctuation = /[\\`*_[\]<>~&!|#]/g;

function escapeText(text: string): string {
	return text.replace(inlinePunctuation, (c) => `\\${c}`);
}

/** Inline spans as Markdown: styles as emphasis, strong, code spans, strike and links (Logic 2–3). */
function inlineMarkdown(inline: Inline): string {
	let out = '';
	for (const span of inline) {
		const text = span.style.code ? codeSpan(span.text) : escapeText(span.text).replace(/\u2028/g, '\\\n');
		out += styled(text, span.style);
	}
	return out;
}

function codeSpan(text: string): string {
	let ticks = '`';
	while (text.includes(ticks)) ticks += '`';
	const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
	return `${ticks}${pad}${text.replace(/\u2028/g, ' ')}${pad}${ticks}`;
}

function styled(text: string, style: Style): string {
	if (!text.trim()) return text;
	// Emphasis delimiters must touch the text: spaces at the edges stay outside.
	const lead = /^\s*/.exec(text)?.[0] ?? '';
	const trail = /\s*$/.exec(text)?.[0] ?? '';
	let core = text.slice(lead.length, text.length - trail.length);
	if (style.strike) core = `~~${core}~~`;
	if (style.emphasis) core = `*${core}*`;
	if (style.strong) core = `**${core}**`;
	if (style.href !== undefined) core = `[${core}](<${style.href.replace(/[<>\n]/g, encodeURIComponent)}>)`;
	return lead + core + trail;
}

/** A paragraph's first line must not start a block (Logic 2). */
function escapeLineStart(text: string): string {
	const trimmed = text.replace(/^ +/, '');
	return trimmed.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}
