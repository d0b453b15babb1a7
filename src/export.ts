// Article → plain text or JSON, for files, pipes and terminals that cannot
// run the reader. Pure: the CLI decides the options and writes the result.
//
// Logic:
// 1. Text export encodes each line as UTF-8 as soon as the line is laid out
//    (forEachLine), into a chunk of 64 KiB handed to the caller's writer when
//    full: no UTF-16 copy of the text, no transcoding, no string or buffer of
//    the whole output. A book's lines, runs and run strings so die young, and
//    the output never touches more fresh memory than a chunk at a time (on a
//    virtual machine the first write to a page can cost more than the bytes
//    written to it: a 10 MB output buffer alone is 2,500 page faults).
// 2. A line's trailing white space (as String.prototype.trimEnd sees it) is
//    found in its runs first and never written (a blank RTL row is a padding
//    run and nothing else); padding runs are a fill of the chunk, not a
//    string to encode. lineText, for single lines, trims only when the last
//    character is white space, which saves flattening every line into a copy
//    of itself.
// 3. Runs are encoded by Buffer's native UTF-8 writer (three to four times
//    faster than a loop over code units in JavaScript). Only where a run ends
//    in a high surrogate, or follows one, does a loop here join the halves of
//    a pair split between two runs: a lone surrogate is U+FFFD and a split
//    pair one character, as Buffer.from(exportText(…)) has them.

import {type Article, type Block, type Line, type Run, type Section} from './article.js';
import {stringifyJson} from './controls.js';
import {forEachLine, isPaddingRun, layoutBlocks, type LayoutOptions} from './layout.js';

export type ExportOptions = LayoutOptions;

/** The text of a laid-out line: its runs, trailing spaces dropped. */
export function lineText(line: Line): string {
	const {runs} = line;
	let text = '';
	for (const run of runs) text += run.text;
	return endsInSpace(runs) ? text.trimEnd() : text;
}

/** Whether the last character of the runs is one String.prototype.trimEnd removes. */
function endsInSpace(runs: readonly Run[]): boolean {
	for (let r = runs.length - 1; r >= 0; r--) {
		const text = runs[r]?.text ?? '';
		if (text) return isTrimmed(text.charCodeAt(text.length - 1));
	}
	return false;
}

/**
 * Whether String.prototype.trimEnd removes this code unit: ECMAScript's
 * WhiteSpace (TAB, VT, FF, U+FEFF and the Space_Separator category) and
 * LineTerminator (LF, CR, U+2028, U+2029). No astral character is either.
 */
export function isTrimmed(code: number): boolean {
	if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
	if (code < 0xa0) return false;
	return (
		code === 0xa0 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000 ||
		code === 0xfeff
	);
}

/** UTF-8 written into chunks handed to `write` when full (Logic 1). */
interface ByteSink {
	bytes: Buffer;
	/** Bytes written to `bytes`. */
	used: number;
	/** A high surrogate held back from the end of a run: the next run may start with its low half (Logic 3). */
	high: number;
	readonly write: (chunk: Buffer) => void;
}

/** Bytes per chunk: a few dozen writes for a book, and within malloc's heap (below its mmap threshold), so freed chunks are reused. */
const CHUNK = 1 << 16;
const SPACE = 0x20;
const NEWLINE = 0x0a;

/** Hands the chunk written so far to the writer. */
function flush(sink: ByteSink): void {
	if (sink.used === 0) return;
	sink.write(sink.bytes.subarray(0, sink.used));
	sink.used = 0;
	// The writer may keep the chunk (a stream queues it): the next one is new.
	sink.bytes = Buffer.allocUnsafeSlow(CHUNK);
}

/** Room for `bytes` more bytes in the current chunk. */
function reserve(sink: ByteSink, bytes: number): void {
	if (sink.used + bytes <= sink.bytes.length) return;
	flush(sink);
	// A line longer than a chunk (an unwrapped paragraph) gets a chunk of its own size.
	if (bytes > sink.bytes.length) sink.bytes = Buffer.allocUnsafeSlow(bytes);
}

/** Writes a held-back high surrogate that no low half followed: U+FFFD, as Buffer.from writes it. */
function flushHigh(sink: ByteSink): void {
	if (sink.high === 0) return;
	sink.high = 0;
	sink.used = writeReplacement(sink.bytes, sink.used);
}

/** Encodes text[0, length) as UTF-8; the caller has reserved 3 bytes a code unit and 4 more. */
function writeText(sink: ByteSink, text: string, length: number): void {
	if (length === 0) return;
	const last = text.charCodeAt(length - 1);
	if (sink.high === 0 && (last < 0xd800 || last > 0xdbff)) {
		// Nothing held back, nothing to hold back: Buffer's encoder, which writes a lone surrogate as U+FFFD.
		sink.used += sink.bytes.write(length === text.length ? text : text.slice(0, length), sink.used, 'utf8');
		return;
	}
	writeUnits(sink, text, length);
}

/** writeText one code unit at a time, joining a surrogate pair split between runs (Logic 3). */
function writeUnits(sink: ByteSink, text: string, length: number): void {
	const {bytes} = sink;
	let at = sink.used;
	for (let k = 0; k < length; k++) {
		const code = text.charCodeAt(k);
		if (sink.high !== 0) {
			const high = sink.high;
			sink.high = 0;
			if (code >= 0xdc00 && code <= 0xdfff) {
				at = writePair(bytes, at, high, code);
				continue;
			}
			at = writeReplacement(bytes, at);
		}
		if (code < 0x80) bytes[at++] = code;
		else if (code < 0x800) {
			bytes[at++] = 0xc0 | (code >> 6);
			bytes[at++] = 0x80 | (code & 0x3f);
		} else if (code < 0xd800 || code > 0xdfff) {
			bytes[at++] = 0xe0 | (code >> 12);
			bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
			bytes[at++] = 0x80 | (code & 0x3f);
		} else if (code <= 0xdbff) {
			// A high half: its low half may follow, here or at the start of the next run.
			sink.high = code;
		} else at = writeReplacement(bytes, at);
	}
	sink.used = at;
}

function writePair(bytes: Buffer, at: number, high: number, low: number): number {
	const point = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
	bytes[at++] = 0xf0 | (point >> 18);
	bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
	bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
	bytes[at++] = 0x80 | (point & 0x3f);
	return at;
}

/** U+FFFD, what Buffer's encoder writes for a lone surrogate. */
function writeReplacement(bytes: Buffer, at: number): number {
	bytes[at++] = 0xef;
	bytes[at++] = 0xbf;
	bytes[at++] = 0xbd;
	return at;
}

/**
 * Appends a line's text, trailing white space dropped (as lineText), and a newline (Logic 2).
 * The end is found first, in the runs, so trailing white space is never written; padding
 * runs (all spaces) are a fill, not a string to encode.
 */
function appendLine(sink: ByteSink, runs: readonly Run[]): void {
	let last = runs.length - 1;
	let end = 0; // code units of runs[last] to write
	for (; last >= 0; last--) {
		const run = runs[last];
		if (!run || isPaddingRun(run)) continue;
		const {text} = run;
		end = text.length;
		while (end > 0 && isTrimmed(text.charCodeAt(end - 1))) end--;
		if (end > 0) break;
	}
	for (let r = 0; r <= last; r++) {
		const run = runs[r];
		if (!run) continue;
		const length = r === last ? end : run.text.length;
		reserve(sink, 3 * length + 4);
		if (isPaddingRun(run)) {
			flushHigh(sink);
			// A loop: Buffer#fill's argument checks cost more than the few dozen bytes of a padding.
			const {bytes} = sink;
			const stop = sink.used + length;
			for (let at = sink.used; at < stop; at++) bytes[at] = SPACE;
			sink.used = stop;
		} else writeText(sink, run.text, length);
	}
	reserve(sink, 4);
	flushHigh(sink);
	sink.bytes[sink.used++] = NEWLINE;
}

/**
 * Blocks of a whole article or of one section, with headings: the article's
 * title, the lead, then each section's title as a level-2 heading.
 */
function exportBlocks(article: Article, sections: readonly Section[]): Block[] {
	const blocks: Block[] = [];
	for (const section of sections) {
		const level = section.level === 0 ? 1 : 2;
		const title = section.level === 0 ? article.title : section.title;
		blocks.push({kind: 'heading', level, inline: [{text: title, style: {}}]});
		// One at a time: a section can have more blocks than a call can take arguments.
		for (const block of section.blocks) blocks.push(block);
	}
	return blocks;
}

/** Plain text of the article, or of the sections given. Ends with a newline. */
export function exportText(article: Article, options: ExportOptions, sections: readonly Section[] = article.sections): string {
	// The plain way, kept for tests to check exportTextBytes against: each line's text and a newline.
	let text = '';
	forEachLine(exportBlocks(article, sections), options, (line) => {
		text += `${lineText(line)}\n`;
	});
	// With no line at all the text is one newline still.
	return text || '\n';
}

/**
 * exportText's text as UTF-8, for writing, handed to `write` in chunks of about 64 KiB as
 * the lines are laid out (Logic 1). Each chunk is a Buffer of its own, which `write` may keep.
 */
export function exportTextChunks(article: Article, options: ExportOptions, sections: readonly Section[], write: (chunk: Buffer) => void): void {
	const sink: ByteSink = {bytes: Buffer.allocUnsafeSlow(CHUNK), used: 0, high: 0, write};
	let lines = 0;
	forEachLine(exportBlocks(article, sections), options, (line) => {
		appendLine(sink, line.runs);
		lines++;
	});
	// With no line at all the text is one newline still.
	if (lines === 0) sink.bytes[sink.used++] = NEWLINE;
	if (sink.used > 0) sink.write(sink.bytes.subarray(0, sink.used));
}

/** exportText's text as UTF-8, in one Buffer (exportTextChunks' chunks joined). */
export function exportTextBytes(article: Article, options: ExportOptions, sections: readonly Section[] = article.sections): Buffer {
	const chunks: Buffer[] = [];
	exportTextChunks(article, options, sections, (chunk) => {
		chunks.push(chunk);
	});
	return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
}

export interface JsonBlock {
	readonly kind: Block['kind'];
	readonly text: string;
}

/** JSON export: metadata, then each section with its blocks as plain logical text. */
export function exportJson(article: Article, sections: readonly Section[] = article.sections): string {
	const plain: LayoutOptions = {width: 0, order: 'logical', shape: false, dir: 'auto', baseDir: article.dir};
	const data = {
		title: article.title,
		lang: article.lang,
		dir: article.dir,
		meta: article.meta,
		sections: sections.map((section) => ({
			index: section.index,
			title: section.title,
			words: section.words,
			minutes: section.minutes,
			direction: section.direction,
			blocks: section.blocks.map(
				(block): JsonBlock => ({kind: block.kind, text: layoutBlocks([block], plain).map(lineText).join('\n')}),
			),
		})),
	};
	// Titles and metadata are the article's text: bidi and C1 controls are escaped too.
	return stringifyJson(data, 2) + '\n';
}
