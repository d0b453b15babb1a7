// The commands that print: `sections`, `export` and `list`, and `qari [file]`
// when its output is no terminal. Each loads the article, resolves the
// options left at auto (from whether stdout is a terminal) and writes what
// output/ makes of it.

import {basename} from 'node:path';
import {type Article, type Section} from '../model/article.js';
import {exportJson, exportTextBytes, exportTextChunks} from '../output/export.js';
import {formatSectionsJson, formatSectionsText, formatTable} from '../output/sections-table.js';
import {escapeUnprintable} from '../parse/sanitize.js';
import {type Order} from '../text/paragraph.js';
import {type Auto, type ExportArgs, type Io, type ListArgs, type ReadArgs, type SectionsArgs} from './commands.js';
import {fileErrorReason, writeAtomically} from './file-system.js';
import {bundledArticle, contentDir, listArticleFiles, loadArticle, UserError, type LoadedArticle} from './files.js';

/** `qari [file]` with no terminal to read on: the article (or --section) as `export` prints it. */
export function printArticle(loaded: LoadedArticle, args: ReadArgs, io: Io): void {
	const order = resolveOrder(args.order, io);
	const sections = args.section === undefined ? loaded.article.sections : [findSection(loaded.article, args.section)];
	const options = {width: resolveWidth(args.width, io), order, shape: resolveShape(args.shape, order), dir: args.dir, baseDir: loaded.article.dir};
	exportTextChunks(loaded.article, options, sections, (chunk) => io.stdout.write(chunk));
}

export function runSections(args: SectionsArgs, io: Io): void {
	const {article} = load(args.file, io);
	if (args.json) {
		io.stdout.write(formatSectionsJson(article));
		return;
	}
	const order = resolveOrder(args.order, io);
	io.stdout.write(formatSectionsText(article, {order, shape: resolveShape(args.shape, order)}));
}

export function runExport(args: ExportArgs, io: Io): void {
	const {article} = load(args.file, io);
	const sections = args.section === undefined ? article.sections : [findSection(article, args.section)];
	const toFile = args.output !== undefined && args.output !== '-';
	const order = toFile ? resolveOrderForFile(args.order) : resolveOrder(args.order, io);
	const width = args.width ?? (toFile ? 80 : undefined);
	if (args.format !== 'json' && !toFile) {
		// Written in chunks as the lines are laid out: no buffer of the whole text (export.ts Logic 1).
		const options = {width: resolveWidth(width, io), order, shape: resolveShape(args.shape, order), dir: args.dir, baseDir: article.dir, links: args.links};
		exportTextChunks(article, options, sections, (chunk) => io.stdout.write(chunk));
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
	const rows = listArticleFiles(contentDir).map((path) => {
		const {article} = load(path, io);
		const words = article.sections.reduce((n, s) => n + s.words, 0);
		return [basename(path), article.title, article.lang || '-', String(article.sections.length), String(words)];
	});
	const order = resolveOrder(args.order, io);
	const columns = [
		{header: 'file', kind: 'text'},
		{header: 'title', kind: 'text'},
		{header: 'lang', kind: 'text'},
		{header: 'sections', kind: 'number'},
		{header: 'words', kind: 'number'},
	] as const;
	io.stdout.write(formatTable(columns, rows, {order, shape: resolveShape(args.shape, order)}));
}

/** The article at `file` (default: the bundled one), its warnings written to stderr. Throws UserError. */
export function load(file: string | undefined, io: Io): LoadedArticle {
	const loaded = loadArticle(file ?? bundledArticle);
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
