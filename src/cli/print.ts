// The commands that print: `sections`, `export` and `list`, and `qari [file]`
// when its output is no terminal. Each loads the article, resolves the
// options left at auto (from whether stdout is a terminal) and writes what
// output/ makes of it.
//
// Logic:
// 1. The article named on the command line is a file, standard input, a URL
//    (source.ts), or a number or name from `qari list` (reading-list.ts)
//    when no file of that name exists.
// 2. `list` numbers the bundled articles, then the saved ones, with how far
//    each is read: the remembered place (positions.ts, keyed as the reader
//    keys it) against the sections' sizes. A file that cannot be read is a
//    warning and a row of '?', the others listed and numbered as ever.
// 3. Text goes out section by section, and waits when the stream asks
//    (write returns false) until it drains, fails or closes: a pipe's reader
//    sets the pace, and one that has gone stops the export.

import {basename} from 'node:path';
import {type Article, type Section} from '../model/article.js';
import {exportJson, exportTextBytes, exportTextSections} from '../output/export.js';
import {formatSectionsJson, formatSectionsText, formatTable} from '../output/sections-table.js';
import {escapeUnprintable} from '../parse/sanitize.js';
import {type Order} from '../text/paragraph.js';
import {type Auto, type ExportArgs, type Io, type ListArgs, type ReadArgs, type SectionsArgs, type SourceArgs} from './commands.js';
import {fileErrorReason, writeAtomically} from './file-system.js';
import {isWebUrl} from './fetch.js';
import {bundledArticle, loadArticle, UserError, type LoadedArticle} from './files.js';
import {articleKey, loadPosition, positionsPath, type Position} from './positions.js';
import {listedArticles, listedPath, savedArticles} from './reading-list.js';
import {loadSource} from './source.js';

/** `qari [file]` with no terminal to read on: the article (or --section) as `export` prints it. */
export async function printArticle(loaded: LoadedArticle, args: ReadArgs, io: Io): Promise<void> {
	const order = resolveOrder(args.order, io);
	const sections = args.section === undefined ? loaded.article.sections : [findSection(loaded.article, args.section)];
	const options = {width: resolveWidth(args.width, io), order, shape: resolveShape(args.shape, order), dir: args.dir, baseDir: loaded.article.dir};
	await writeChunks(exportTextSections(loaded.article, options, sections), io.stdout);
}

/** What writeChunks writes to: a stream, or standard output as standard-output.ts makes it. */
interface ChunkSink {
	readonly destroyed: boolean;
	readonly errored: unknown;
	write(chunk: Uint8Array): boolean;
	on(event: 'drain' | 'error' | 'close', listener: () => void): unknown;
	off(event: 'drain' | 'error' | 'close', listener: () => void): unknown;
}

/**
 * Writes the chunks, waiting for the reader of a pipe whenever the stream asks to (Logic 3):
 * memory stays bounded under `| less`, and when the reader is gone (`| head -1`: EPIPE) the
 * stream fails and nothing more is laid out, instead of the whole book.
 */
export async function writeChunks(chunks: Iterable<Buffer>, stream: ChunkSink): Promise<void> {
	for (const chunk of chunks) {
		if (stream.destroyed || stream.errored) return;
		if (stream.write(chunk)) continue;
		// A write that failed (standard-output.ts writes files and pipes synchronously) has nothing to wait for.
		if (stream.destroyed || stream.errored) return;
		await new Promise<void>((resolve) => {
			const done = () => {
				stream.off('drain', done);
				stream.off('error', done);
				stream.off('close', done);
				resolve();
			};
			stream.on('drain', done);
			stream.on('error', done);
			stream.on('close', done);
		});
	}
}

export async function runSections(args: SectionsArgs, io: Io): Promise<void> {
	const {article} = await load(args.file, io, args);
	if (args.json) {
		io.stdout.write(formatSectionsJson(article));
		return;
	}
	const order = resolveOrder(args.order, io);
	io.stdout.write(formatSectionsText(article, {order, shape: resolveShape(args.shape, order), maxWidth: terminalWidth(io)}));
}

export async function runExport(args: ExportArgs, io: Io): Promise<void> {
	const {article} = await load(args.file, io, args);
	const sections = args.section === undefined ? article.sections : [findSection(article, args.section)];
	const toFile = args.output !== undefined && args.output !== '-';
	const order = toFile ? resolveOrderForFile(args.order) : resolveOrder(args.order, io);
	const width = args.width ?? (toFile ? 80 : undefined);
	if (args.format !== 'json' && !toFile) {
		// Written in chunks as the lines are laid out: no buffer of the whole text (export.ts Logic 1).
		const options = {width: resolveWidth(width, io), order, shape: resolveShape(args.shape, order), dir: args.dir, baseDir: article.dir, links: args.links};
		await writeChunks(exportTextSections(article, options, sections), io.stdout);
		return;
	}
	const text =
		args.format === 'json'
			? exportJson(article, sections)
			: exportTextBytes(
					article,
					{width: resolveWidth(width, io), order, shape: resolveShape(args.shape, order), dir: args.dir, baseDir: article.dir, links: args.links},
					sections,
				);
	if (toFile && args.output) writeOutput(args.output, text);
	else io.stdout.write(text);
}

export function runList(args: ListArgs, io: Io): void {
	const positions = positionsPath(process.env);
	const saved = new Set(savedArticles(process.env));
	const rows = listedArticles(process.env).map((path, i) => {
		const name = saved.has(path) ? basename(path, '.md') : `(bundled) ${basename(path)}`;
		let loaded: LoadedArticle;
		try {
			loaded = loadFile(path, io);
		} catch (error) {
			// One unreadable file (Logic 2) does not hide the others, nor renumber them.
			if (!(error instanceof UserError)) throw error;
			io.stderr.write(`qari: warning: ${error.message}\n`);
			return [String(i + 1), '?', '-', '-', '-', '-', name];
		}
		const {article, text} = loaded;
		const words = article.sections.reduce((n, s) => n + s.words, 0);
		const minutes = article.sections.reduce((n, s) => n + s.minutes, 0);
		const url = article.meta['url'];
		const key = url && isWebUrl(url) ? articleKey(`url:${url}`) : articleKey(text);
		const read = readShare(article, loadPosition(positions, key).position);
		return [String(i + 1), article.title, article.lang || '-', String(words), String(minutes), read, name];
	});
	const order = resolveOrder(args.order, io);
	const columns = [
		{header: '#', kind: 'number'},
		{header: 'title', kind: 'text', shrink: true},
		// Left out first on a narrow terminal: words, then lang, then min (sections-table.ts Logic 2).
		{header: 'lang', kind: 'text', drop: 2},
		{header: 'words', kind: 'number', drop: 1},
		{header: 'min', kind: 'number', drop: 3},
		{header: 'read', kind: 'number'},
		{header: 'name', kind: 'text', shrink: true},
	] as const;
	io.stdout.write(formatTable(columns, rows, {order, shape: resolveShape(args.shape, order), maxWidth: terminalWidth(io)}));
}

/** How far an article is read (Logic 2): a percentage, or '-' when it has no remembered place. */
function readShare(article: Article, at: Position | undefined): string {
	if (!at) return '-';
	const total = article.sections.reduce((n, s) => n + s.size, 0) || 1;
	let before = 0;
	for (const s of article.sections.slice(0, at.section - 1)) before += s.size;
	const here = Math.min(at.offset, article.sections[at.section - 1]?.size ?? 0);
	return `${Math.min(100, Math.round(((before + here) / total) * 100))}%`;
}

/**
 * The article of a file, standard input, a URL or a listed article (Logic
 * 1), Markdown or a web page (default: the bundled one), its warnings written
 * to stderr. Throws UserError.
 */
export async function load(file: string | undefined, io: Io, source: SourceArgs): Promise<LoadedArticle> {
	const path = file === undefined ? bundledArticle : (listedPath(file, process.env) ?? file);
	// Standard error only if asked for: making it costs more than many a command (standard-output.ts).
	const loaded = await loadSource(path, {
		raw: source.raw,
		timeout: source.timeout,
		get stderr() {
			return io.stderr;
		},
		env: process.env,
	});
	return warned(loaded, io);
}

/** A Markdown file's article (`list`), its warnings written to stderr. Throws UserError. */
function loadFile(path: string, io: Io): LoadedArticle {
	return warned(loadArticle(path), io);
}

function warned(loaded: LoadedArticle, io: Io): LoadedArticle {
	for (const warning of loaded.warnings) io.stderr.write(`qari: warning: ${warning}\n`);
	return loaded;
}

/** `export -o`: written atomically; a failure is one line (UserError). */
function writeOutput(path: string, data: string | Uint8Array): void {
	try {
		writeAtomically(path, data);
	} catch (error) {
		throw new UserError(`cannot write '${escapeUnprintable(path)}': ${fileErrorReason(error, 'write')}`);
	}
}

/** The width a table must fit: the terminal's; none in a pipe or a file. */
function terminalWidth(io: Io): number | undefined {
	return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined;
}

function resolveWidth(width: number | undefined, io: Io): number {
	if (width !== undefined) return width;
	return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80;
}

function resolveOrder(order: Auto<Order>, io: Io): Order {
	if (order !== 'auto') return order;
	return io.stdout.isTTY ? 'visual' : 'logical';
}

function resolveOrderForFile(order: Auto<Order>): Order {
	return order === 'auto' ? 'logical' : order;
}

function resolveShape(shape: Auto<'on' | 'off'>, order: Order): boolean {
	return shape === 'auto' ? order === 'visual' : shape === 'on';
}

/** A section by number (1-based) or by title (exact, then ignoring case). */
export function findSection(article: Article, wanted: string): Section {
	const trimmed = wanted.trim();
	// Every title contains '': an empty value (-s "$UNSET") is said to be empty, not ambiguous.
	if (!trimmed) throw new UserError(`--section is empty: give a section's number (1–${article.sections.length}) or its title (see 'qari sections')`);
	if (/^\d+$/.test(trimmed)) {
		const section = article.sections[Number(trimmed) - 1];
		if (section) return section;
		throw new UserError(`no section ${trimmed}: the article has ${article.sections.length}`);
	}
	const exact = article.sections.find((s) => s.title === trimmed);
	if (exact) return exact;
	const folded = trimmed.toLowerCase();
	const loose = article.sections.filter((s) => s.title.toLowerCase().includes(folded));
	if (loose.length === 1 && loose[0]) return loose[0];
	if (loose.length > 1) throw new UserError(`section '${trimmed}' is ambiguous: ${loose.map((s) => s.index).join(', ')} match`);
	throw new UserError(`no section titled '${trimmed}' (see 'qari sections')`);
}
