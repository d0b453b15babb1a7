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
	parseTimeout,
	parseWidth,
	runInvocation,
	usageErrorOf,
	usageErrorText,
} from './commands.js';
import {escapeUnprintable} from '../parse/sanitize.js';
import {completionScript, completionShell, completionShells} from './completion.js';

/** An option of the table as yargs declares it. */
function yargsOption(option: CommandSpec['options'][string]): Options {
	switch (option.kind) {
		case 'choice':
			return {choices: option.values, default: option.default, requiresArg: true, describe: option.describe};
		case 'flag':
			return {type: 'boolean', default: option.default, describe: option.describe};
		case 'string':
			return {alias: option.alias, type: 'string', requiresArg: true, ...(option.dash ? {coerce: fromDash} : {}), describe: option.describe};
		case 'seconds':
			return {
				type: 'number',
				requiresArg: true,
				describe: option.describe,
				coerce: (value: unknown): number => {
					const n = parseTimeout(String(value));
					if (n === undefined) throw new Error(`--timeout must be a whole number of seconds from 1 to 3600, not '${String(value)}'`);
					return n;
				},
			};
		case 'width':
			return {
				alias: option.alias,
				// Read as text: the mistake is quoted as typed (`not 'abc'`), never as NaN.
				type: 'string',
				requiresArg: true,
				describe: option.describe,
				coerce: (value: unknown): number => {
					const n = parseWidth(String(value));
					if (n === undefined) throw new Error(`--width must be a whole number from 0 to 10000, not '${String(value)}'`);
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
				const positional = spec.positional;
				if (positional) {
					built = built.positional(positional.name, {type: 'string', coerce: fromDash, demandOption: positional.required, describe: positional.describe});
				}
				for (const [option, declared] of Object.entries(spec.options)) built = built.option(option, yargsOption(declared));
				return built;
			},
			(args) => {
				const positional = spec.positional ? (args[spec.positional.name] as string | undefined) : undefined;
				return runInvocation(
					invocationOf(name, positional, (option) => args[option]),
					handlers,
				);
			},
		);
	}
	return parser
		.command(
			`${completionCommand.name} [shell]`,
			completionCommand.describe,
			(y) => y.positional('shell', {type: 'string', describe: "bash, zsh or fish (default: $SHELL's, else bash)"}),
			(args) => {
				const named = args['shell'] as string | undefined;
				const shell = completionShell(named, process.env['SHELL']);
				if (shell === undefined) {
					const line = `no completion for '${escapeUnprintable(String(named))}': the shells are ${completionShells.join(', ')}`;
					io.stderr.write(usageErrorText(line));
					throw usageErrorOf(line);
				}
				io.stdout.write(completionScript(shell));
			},
		)
		.example('$0', 'read the bundled Arabic article')
		.example('$0 article.md', 'read an article')
		.example('$0 https://example.com/article', 'read the article of a web page (or of a saved .html file)')
		.example('cat article.md | $0 -', 'read from a pipe')
		.example('$0 sections --json', 'the title, metadata and sections as JSON')
		.example('$0 export --width 60 --section 2', 'print section 2 wrapped at 60 cells')
		.example('$0 export --order visual --width 40', 'visual order, for a terminal that cannot reorder')
		.example('$0 export --order visual | less -R', 'read in a pager: a pipe gets logical order, reversed on a terminal that does not reorder')
		.example('$0 export --format json -o a.json', 'write JSON to a file')
		.example('$0 save https://example.com/news/article.html', 'keep a web page to read offline')
		.example('$0 list', 'the bundled and saved articles; then `qari 2` opens the second')
		.example('source <($0 completion bash)', 'complete commands, options and files in bash (zsh, fish: the same)')
		.epilogue(
			'In the reader, press ? for the keys and the bidi mode in use. Exit status: 0 done, 1 a file or web page could not be read (or a file written) or has no such section or article, 2 a usage mistake.',
		)
		.option('debug', {type: 'boolean', describe: 'Print stack traces of internal errors', hidden: true})
		.version(pkg.version)
		.alias('version', 'V')
		.help()
		.alias('help', 'h')
		.strict()
		.wrap(Math.min(100, io.stdout.columns ?? 80))
		.fail((message, error) => {
			// yargs reports its own validation (including coerce) as YError;
			// anything else thrown by a handler is ours to report.
			if (error && error.name !== 'YError') throw error;
			message ||= error?.message ?? 'invalid arguments';
			const line = usageMessage(message.replace(/\s*\n\s*/g, ' '), argv);
			io.stderr.write(usageErrorText(line));
			throw usageErrorOf(line);
		});
}

/**
 * A yargs message in qari's words: unknown options named as typed
 * (`unknown option '--bogus'`, as `qari bogus` says `unknown command 'bogus'`),
 * stray words as unexpected, choices as a sentence.
 */
export function usageMessage(message: string, argv: readonly string[]): string {
	const unknown = /^Unknown arguments?: (.*)$/.exec(message);
	if (unknown) {
		const names = (unknown[1] ?? '').split(', ');
		const typed = (name: string): string | undefined => {
			const long = `--${name}`;
			if (argv.some((a) => a === long || a.startsWith(`${long}=`))) return long;
			if (name.length === 1 && argv.includes(`-${name}`)) return `-${name}`;
			return undefined;
		};
		const options = names.map(typed).filter((o) => o !== undefined);
		const words = names.filter((name) => typed(name) === undefined);
		const parts: string[] = [];
		if (options.length) parts.push(`unknown option${options.length > 1 ? 's' : ''} ${options.map(quote).join(', ')}`);
		if (words.length) parts.push(`unexpected argument${words.length > 1 ? 's' : ''} ${words.map(quote).join(', ')}`);
		return parts.join('; ');
	}
	const choice = /^Invalid values: Argument: ([\w-]+), Given: "(.*)", Choices: (.*)$/.exec(message);
	if (choice) return `--${choice[1]} must be one of ${(choice[3] ?? '').replace(/"/g, '')}, not '${choice[2]}'`;
	const missing = /^Not enough arguments following: ([\w-]+)$/.exec(message);
	if (missing) return `${(missing[1] ?? '').length === 1 ? '-' : '--'}${missing[1]} needs a value`;
	if (/^Not enough non-option arguments/.test(message)) return "missing the article: a number or name from 'qari list', a file or a URL";
	return message;
}

const quote = (s: string): string => `'${escapeUnprintable(s)}'`;
