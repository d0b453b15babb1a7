// The full command line, with yargs: help, completion, examples, and the
// exact message for every mistake, built from the command table
// (commands.ts). main.ts runs the common, well-formed invocations itself and
// loads this module (a separate bundle chunk) for everything else, so yargs
// costs nothing on `qari sections`.

import yargs, {type Argv, type Options} from 'yargs';
import pkg from '../../package.json' with {type: 'json'};
import {
	type CommandHandlers,
	type CommandName,
	type CommandSpec,
	type Io,
	DASH,
	commandTable,
	completionCommand,
	fromDash,
	invocationOf,
	parseWidth,
	runInvocation,
	usageErrorOf,
} from './commands.js';

/** An option of the table as yargs declares it. */
function yargsOption(option: CommandSpec['options'][string]): Options {
	switch (option.kind) {
		case 'choice':
			return {choices: option.values, default: option.default, describe: option.describe};
		case 'flag':
			return {type: 'boolean', default: option.default, describe: option.describe};
		case 'string':
			return {alias: option.alias, type: 'string', ...(option.dash ? {coerce: fromDash} : {}), describe: option.describe};
		case 'width':
			return {
				alias: option.alias,
				type: 'number',
				describe: option.describe,
				coerce: (value: unknown): number => {
					const n = parseWidth(String(value));
					if (n === undefined) throw new Error(`--width must be a whole number from 0 to 10000, not '${String(Number(value))}'`);
					return n;
				},
			};
	}
}

/** The yargs parser over `argv`, running `handlers`. */
export function buildParser(argv: readonly string[], io: Io, handlers: CommandHandlers): Argv {
	// yargs-parser reads a lone '-' as an empty string; keep it as '-'.
	let parser = yargs(argv.map((a) => (a === '-' ? DASH : a)))
		.scriptName('qari')
		.usage('qari — a terminal reader that gets Arabic, Hebrew and Persian right\n\nUsage: $0 [file] [options]  or  $0 <command> [options]');
	for (const [name, spec] of Object.entries(commandTable) as [CommandName, CommandSpec][]) {
		parser = parser.command(
			spec.usage,
			spec.describe,
			(y) => {
				let built: Argv = y;
				if (spec.file) {
					built = built.positional('file', {
						type: 'string',
						coerce: fromDash,
						describe: "Markdown article to read ('-' for standard input; default: the bundled article)",
					});
				}
				for (const [option, declared] of Object.entries(spec.options)) built = built.option(option, yargsOption(declared));
				return built;
			},
			(args) =>
				runInvocation(
					invocationOf(name, spec.file ? (args['file'] as string | undefined) : undefined, (option) => args[option]),
					handlers,
				),
		);
	}
	return parser
		.completion(completionCommand.name, completionCommand.describe)
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
