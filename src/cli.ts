// The command line: the only module that touches argv, stdout, stderr and
// exit codes. Everything it prints comes from the pure core.

import {existsSync, fstatSync, openSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import tty from 'node:tty';
import {basename, dirname, join} from 'node:path';
import yargs, {type Argv} from 'yargs';
import pkg from '../package.json' with {type: 'json'};
import {type Article, type Direction, type Section} from './article.js';
import {escapeUnprintable} from './controls.js';
import {exportJson, exportText} from './export.js';
import {bundledArticle, contentDir, listArticleFiles, loadArticle, UserError, type LoadedArticle} from './input.js';
import {formatSectionsJson, formatSectionsText, formatTable} from './sections.js';
import {type Order} from './text/paragraph.js';

type Auto<T extends string> = T | 'auto';

interface Io {
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
}

const usageError = Symbol('usage');
const commands = ['sections', 'export', 'list', 'completion'];

/** Runs the CLI with the given arguments; sets process.exitCode. */
export async function main(argv: readonly string[], io: Io = {stdout: process.stdout, stderr: process.stderr}): Promise<void> {
	const debug = argv.includes('--debug');
	io.stdout.on('error', (error: NodeJS.ErrnoException) => {
		// `qari export | head -1`: the reader of the pipe is gone; stop quietly.
		// EIO: the terminal hung up. Either way there is no one left to tell.
		if (error.code === 'EPIPE' || error.code === 'EIO') process.exit(process.exitCode ?? 0);
		throw error;
	});
	try {
		const parser = buildParser(argv, io);
		const first = argv[0];
		// `qari [file]` takes any word as a file: a bare word that is neither a
		// command nor an existing file is a mistyped command, not a missing file.
		if (first !== undefined && /^[a-z][a-z0-9-]*$/i.test(first) && !commands.includes(first) && !existsSync(first)) {
			parser.showHelp((s: string) => io.stderr.write(`${s}\n`));
			io.stderr.write(`\nqari: unknown command '${first}'\n`);
			process.exitCode = 2;
			return;
		}
		await parser.parseAsync();
	} catch (error) {
		if ((error as {[usageError]?: boolean})[usageError]) {
			process.exitCode = 2;
			return;
		}
		if (error instanceof UserError) {
			io.stderr.write(`qari: ${error.message}\n`);
		} else {
			const message = escapeUnprintable(((error as Error).message ?? String(error)).replace(/\s*\n\s*/g, ' '));
			if (debug) io.stderr.write(`qari: internal error: ${message}\n${(error as Error).stack ?? ''}\n`);
			else io.stderr.write(`qari: internal error: ${message} (run again with --debug for details)\n`);
		}
		process.exitCode = 1;
	}
}

function buildParser(argv: readonly string[], io: Io): Argv {
	const fileArg = <T>(y: Argv<T>) =>
		y.positional('file', {
			type: 'string',
			coerce: fromDash,
			describe: "Markdown article to read ('-' for standard input; default: the bundled article)",
		});
	const layoutOptions = <T>(y: Argv<T>) =>
		y
			.option('order', {
				choices: ['auto', 'logical', 'visual'] as const,
				default: 'auto' as const,
				describe: 'Character order: logical for files, visual for terminals that do not reorder (auto: visual on a terminal)',
			})
			.option('shape', {
				choices: ['auto', 'on', 'off'] as const,
				default: 'auto' as const,
				describe: 'Arabic presentation forms (auto: on with visual order)',
			})
			.option('dir', {
				choices: ['auto', 'rtl', 'ltr'] as const,
				default: 'auto' as const,
				describe: "Paragraph direction (auto: each paragraph's first strong letter)",
			});

	// yargs-parser reads a lone '-' as an empty string; keep it as '-'.
	return yargs(argv.map((a) => (a === '-' ? dash : a)))
		.scriptName('qari')
		.usage('qari — a terminal reader for articles in Arabic, Hebrew, Persian and every other script\n\nUsage: $0 [file]      read an article (the bundled one by default)\n       $0 <command> [options]')
		.command(
			'$0 [file]',
			'Read an article (prints it as `export` does when output is not a terminal)',
			(y) =>
				layoutOptions(fileArg(y))
					.option('width', {...widthOption, describe: 'Text width in the reader at most (default: the terminal width minus margins, at most 100); wrap width when printing'})
					.option('bidi', {
						choices: ['auto', 'app', 'terminal'] as const,
						default: 'auto' as const,
						describe: 'Who reorders right-to-left text in the reader: qari (app) or the terminal (auto: from the environment; see ? in the reader)',
					})
					.option('section', {alias: 's', type: 'string', describe: 'Open this section: its number or its title'})
					.option('from-start', {type: 'boolean', default: false, describe: 'Open at the start, not where you left off'})
					.option('color', {type: 'boolean', default: true, describe: 'Styles and colours (--no-color; NO_COLOR also turns them off)'}),
			async (args) => {
				const print = (loaded: LoadedArticle): void => {
					const order = resolveOrder(args.order, io);
					const sections = args.section === undefined ? loaded.article.sections : [findSection(loaded.article, args.section)];
					io.stdout.write(
						exportText(
							loaded.article,
							{
								width: resolveWidth(args.width, io),
								order,
								shape: resolveShape(args.shape, order),
								dir: args.dir,
								baseDir: loaded.article.dir,
							},
							sections,
						),
					);
				};
				if (!io.stdout.isTTY) {
					print(load(args.file, io));
					return;
				}
				// A reader: the article may come through a pipe, then keys come
				// from the controlling terminal. With none, print instead.
				const piped = args.file === undefined && !process.stdin.isTTY && isPipeOrFile(0);
				const fromStdin = args.file === '-' || piped;
				const loaded = load(fromStdin ? '-' : args.file, io);
				let keys: NodeJS.ReadStream = process.stdin;
				let ownKeys: tty.ReadStream | undefined;
				if (fromStdin || !process.stdin.isTTY) {
					try {
						ownKeys = new tty.ReadStream(openSync('/dev/tty', 'r'));
						keys = ownKeys;
					} catch {
						print(loaded);
						return;
					}
				}
				const section = args.section === undefined ? undefined : findSection(loaded.article, args.section).index - 1;
				// Ink reads CI once, when it is imported, and then draws nothing
				// until it exits. The user asked for a reader on a terminal.
				delete process.env['CI'];
				delete process.env['CONTINUOUS_INTEGRATION'];
				const {runReader} = await import('./ui/run.js');
				const noColor = (process.env['NO_COLOR'] ?? '') !== '';
				try {
					process.exitCode = await runReader({
						article: loaded.article,
						text: loaded.text,
						stdin: keys,
						stdout: io.stdout,
						stderr: io.stderr,
						env: process.env,
						bidi: args.bidi,
						shape: args.shape,
						dir: args.dir,
						...(args.width ? {maxWidth: args.width} : {}),
						...(section === undefined ? {} : {section}),
						fromStart: args['from-start'],
						color: args.color && !noColor,
						debug: argv.includes('--debug'),
					});
				} finally {
					ownKeys?.destroy();
				}
			},
		)
		.command(
			'sections [file]',
			"List the article's sections: index, title, words, minutes",
			(y) => layoutOptions(fileArg(y)).option('json', {type: 'boolean', default: false, describe: 'Print JSON'}),
			(args) => {
				const {article} = load(args.file, io);
				if (args.json) {
					io.stdout.write(formatSectionsJson(article));
					return;
				}
				const order = resolveOrder(args.order, io);
				io.stdout.write(formatSectionsText(article, {order, shape: resolveShape(args.shape, order)}));
			},
		)
		.command(
			'export [file]',
			'Print the article as plain text or JSON',
			(y) =>
				layoutOptions(fileArg(y))
					.option('width', widthOption)
					.option('section', {
						alias: 's',
						type: 'string',
						describe: 'Only this section: its number or its title',
					})
					.option('output', {alias: 'o', type: 'string', coerce: fromDash, describe: 'Write to this file (atomically) instead of standard output'})
					.option('format', {choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format'}),
			(args) => {
				const loaded = load(args.file, io);
				const {article} = loaded;
				const sections = args.section === undefined ? article.sections : [findSection(article, args.section)];
				const toFile = args.output !== undefined && args.output !== '-';
				const order = toFile ? resolveOrderForFile(args.order) : resolveOrder(args.order, io);
				const width = args.width ?? (toFile ? 80 : undefined);
				const text =
					args.format === 'json'
						? exportJson(article, sections)
						: exportText(
								article,
								{
									width: resolveWidth(width, io),
									order,
									shape: resolveShape(args.shape, order),
									dir: args.dir,
									baseDir: article.dir,
								},
								sections,
							);
				if (toFile && args.output) writeAtomically(args.output, text);
				else io.stdout.write(text);
			},
		)
		.command(
			'list',
			`List the bundled articles: file, title, language, sections, words`,
			(y) => layoutOptions(y),
			(args) => {
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
			},
		)
		.completion('completion', 'Print a shell completion script (bash, zsh)')
		.example('$0', 'read the bundled Arabic article')
		.example('$0 article.md', 'read an article')
		.example('curl -s https://example.org/a.md | $0 -', 'read from a pipe')
		.example('$0 sections --json', 'list the sections as JSON')
		.example('$0 export --width 60 --section 2', 'print section 2 wrapped at 60 cells')
		.example('$0 export --order visual --width 40', 'visual order, for a terminal that cannot reorder')
		.example('$0 export --format json -o article.json', 'write JSON to a file')
		.example('$0 list', 'the bundled articles')
		.option('debug', {type: 'boolean', describe: 'Print stack traces of internal errors', hidden: true})
		.version(pkg.version)
		.alias('version', 'V')
		.help()
		.alias('help', 'h')
		.strict()
		.wrap(Math.min(100, io.stdout.columns ?? 80))
		.fail((message, error, parser) => {
			// yargs reports its own validation (including coerce) as YError;
			// anything else thrown by a handler is ours to report.
			if (error && error.name !== 'YError') throw error;
			message ||= error?.message ?? 'invalid arguments';
			parser.showHelp((s: string) => io.stderr.write(`${s}\n`));
			io.stderr.write(`\nqari: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
			throw Object.assign(new Error(message), {[usageError]: true});
		});
}

const dash = '\u0000-';
const fromDash = (value: unknown): string | undefined => (value === dash ? '-' : (value as string | undefined));

const widthOption = {
	alias: 'w',
	type: 'number',
	describe: 'Wrap at this many terminal cells (0: one line per paragraph; default: the terminal width, or 80)',
	coerce: (value: unknown): number => {
		const n = Number(value);
		if (!Number.isInteger(n) || n < 0 || n > 10000) throw new Error(`--width must be a whole number from 0 to 10000, not '${String(value)}'`);
		return n;
	},
} as const;

/** Whether a file descriptor is a pipe or a regular file (not a terminal, not /dev/null). */
function isPipeOrFile(fd: number): boolean {
	try {
		const stat = fstatSync(fd);
		return stat.isFIFO() || stat.isFile() || stat.isSocket();
	} catch {
		return false;
	}
}

function load(file: string | undefined, io: Io): LoadedArticle {
	const loaded = loadArticle(file ?? bundledArticle);
	for (const warning of loaded.warnings) io.stderr.write(`qari: warning: ${warning}\n`);
	return loaded;
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

function writeAtomically(path: string, text: string): void {
	// Write beside the target, then rename: readers of `path` see the old file
	// or the whole new one, never a part.
	const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
	try {
		writeFileSync(temp, text);
		renameSync(temp, path);
	} catch (error) {
		try {
			rmSync(temp, {force: true});
		} catch {
			// Nothing was written where the path cannot hold a file.
		}
		const code = (error as NodeJS.ErrnoException).code ?? '';
		const reasons: Record<string, string> = {
			ENOENT: 'no such directory',
			ENOTDIR: 'a part of the path is not a directory',
			EACCES: 'permission denied',
			EPERM: 'permission denied',
			EISDIR: 'is a directory',
			EROFS: 'read-only file system',
			ENOSPC: 'no space left on the device',
			EDQUOT: 'disk quota exceeded',
			EFBIG: 'file too large',
		};
		throw new UserError(`cannot write '${escapeUnprintable(path)}': ${reasons[code] ?? (error as Error).message}`);
	}
}

export type {Direction};
