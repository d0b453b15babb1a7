// The full command line, with yargs: help, completion, examples, and the
// exact message for every mistake. cli.ts runs the common, well-formed
// invocations itself and loads this module (a separate bundle chunk) for
// everything else, so yargs costs nothing on `qari sections`.

import yargs, {type Argv} from 'yargs';
import pkg from '../../package.json' with {type: 'json'};
import {
	type CommandHandlers,
	type Io,
	DASH,
	fromDash,
	parseWidth,
	bidiChoices,
	dirChoices,
	formatChoices,
	orderChoices,
	shapeChoices,
	usageErrorOf,
} from './commands.js';


const widthOption = {
	alias: 'w',
	type: 'number',
	describe: 'Wrap at this many terminal cells (0: one line per paragraph; default: the terminal width, or 80)',
	coerce: (value: unknown): number => {
		const n = parseWidth(String(value));
		if (n === undefined) throw new Error(`--width must be a whole number from 0 to 10000, not '${String(Number(value))}'`);
		return n;
	},
} as const;

/** The yargs parser over `argv`, running `handlers`. */
export function buildParser(argv: readonly string[], io: Io, handlers: CommandHandlers): Argv {
	const fileArg = <T>(y: Argv<T>) =>
		y.positional('file', {
			type: 'string',
			coerce: fromDash,
			describe: "Markdown article to read ('-' for standard input; default: the bundled article)",
		});
	const layoutOptions = <T>(y: Argv<T>) =>
		y
			.option('order', {
				choices: orderChoices,
				default: 'auto' as const,
				describe: 'Character order: logical for files, visual for terminals that do not reorder (auto: visual on a terminal)',
			})
			.option('shape', {
				choices: shapeChoices,
				default: 'auto' as const,
				describe: 'Arabic presentation forms (auto: on with visual order)',
			})
			.option('dir', {
				choices: dirChoices,
				default: 'auto' as const,
				describe: "Paragraph direction (auto: each paragraph's first strong letter)",
			});

	// yargs-parser reads a lone '-' as an empty string; keep it as '-'.
	return yargs(argv.map((a) => (a === '-' ? DASH : a)))
		.scriptName('qari')
		.usage('qari — a terminal reader that gets Arabic, Hebrew and Persian right\n\nUsage: $0 [file] [options]  or  $0 <command> [options]')
		.command(
			'$0 [file]',
			'Read an article (prints it as `export` does when output is not a terminal)',
			(y) =>
				layoutOptions(fileArg(y))
					.option('width', {...widthOption, describe: 'Text width in the reader at most (default: the terminal width minus margins, at most 100); wrap width when printing'})
					.option('bidi', {
						choices: bidiChoices,
						default: 'auto' as const,
						describe: 'Who reorders right-to-left text in the reader: qari (app) or the terminal (auto: from the environment; see ? in the reader)',
					})
					.option('section', {alias: 's', type: 'string', describe: 'Open this section: its number or its title'})
					.option('from-start', {type: 'boolean', default: false, describe: 'Open at the start, not where you left off'})
					.option('color', {type: 'boolean', default: true, describe: 'Styles and colours (--no-color; NO_COLOR also turns them off)'})
					.option('mouse', {type: 'boolean', default: false, describe: 'Scroll with the mouse wheel (selecting text then needs Shift)'}),
			(args) =>
				handlers.read({
					file: args.file,
					order: args.order,
					shape: args.shape,
					dir: args.dir,
					width: args.width,
					bidi: args.bidi,
					section: args.section,
					fromStart: args['from-start'],
					color: args.color,
					mouse: args.mouse,
				}),
		)
		.command(
			'sections [file]',
			"List the article's sections: index, title, words, minutes",
			(y) => layoutOptions(fileArg(y)).option('json', {type: 'boolean', default: false, describe: 'Print JSON'}),
			(args) => handlers.sections({file: args.file, order: args.order, shape: args.shape, dir: args.dir, json: args.json}),
		)
		.command(
			'export [file]',
			'Print the article as plain text or JSON',
			(y) =>
				layoutOptions(fileArg(y))
					.option('width', widthOption)
					.option('section', {alias: 's', type: 'string', describe: 'Only this section: its number or its title'})
					.option('output', {alias: 'o', type: 'string', coerce: fromDash, describe: 'Write to this file (atomically) instead of standard output'})
					.option('format', {choices: formatChoices, default: 'text' as const, describe: 'Output format'}),
			(args) =>
				handlers.export({
					file: args.file,
					order: args.order,
					shape: args.shape,
					dir: args.dir,
					width: args.width,
					section: args.section,
					output: args.output,
					format: args.format,
				}),
		)
		.command(
			'list',
			'List the bundled articles: file, title, language, sections, words',
			(y) => layoutOptions(y),
			(args) => handlers.list({order: args.order, shape: args.shape, dir: args.dir}),
		)
		.completion('completion', 'Print a shell completion script (bash, zsh)')
		.example('$0', 'read the bundled Arabic article')
		.example('$0 article.md', 'read an article')
		.example('cat article.md | $0 -', 'read from a pipe')
		.example('$0 sections --json', 'list the sections as JSON')
		.example('$0 export --width 60 --section 2', 'print section 2 wrapped at 60 cells')
		.example('$0 export --order visual --width 40', 'visual order, for a terminal that cannot reorder')
		.example('$0 export --format json -o a.json', 'write JSON to a file')
		.example('$0 list', 'the bundled articles')
		.epilogue('In the reader, press ? for the keys and the bidi mode in use. Exit status: 0 done, 1 a file could not be read or written, 2 a usage mistake.')
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
			throw usageErrorOf(message);
		});
}
