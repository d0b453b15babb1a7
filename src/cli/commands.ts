// The command line's arguments as data: ONE table of the commands, their
// options, choices and descriptions (commandTable), and a strict parser for
// well-formed invocations read from it. Anything the parser does not
// recognize exactly goes to yargs (yargs.ts, built from the same table),
// which owns help and every error message; a test checks that both read
// every accepted invocation the same way.

import {type Direction} from '../model/article.js';
import {type Order} from '../text/paragraph.js';

/** Standard output where it is certainly no terminal, written without Node's streams (standard-output.ts). */
export interface PlainOutput {
	readonly isTTY: false;
	readonly columns: undefined;
	/** A write has failed: nothing more can be written (as a stream's `destroyed` and `errored`). */
	readonly destroyed: boolean;
	readonly errored: unknown;
	write(chunk: string | Uint8Array): boolean;
	/** 'error' gives the error; 'drain' and 'close' nothing. */
	on(event: 'error' | 'drain' | 'close', listener: (error: NodeJS.ErrnoException) => void): unknown;
	off(event: 'error' | 'drain' | 'close', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

export interface Io {
	readonly stdout: NodeJS.WriteStream | PlainOutput;
	readonly stderr: NodeJS.WriteStream;
}

export type Auto<T extends string> = T | 'auto';

const orderChoices = ['auto', 'logical', 'visual'] as const;
const shapeChoices = ['auto', 'on', 'off'] as const;
const dirChoices = ['auto', 'rtl', 'ltr'] as const;
const bidiChoices = ['auto', 'app', 'terminal'] as const;
const formatChoices = ['text', 'json'] as const;
const uiLangChoices = ['auto', 'en', 'ar', 'fa', 'he', 'ur'] as const;

interface LayoutArgs {
	readonly order: Auto<Order>;
	readonly shape: Auto<'on' | 'off'>;
	readonly dir: Auto<Direction>;
}
/** How an article is got: a web page extracted or whole (--raw), and how long a download may take. */
export interface SourceArgs {
	readonly raw: boolean;
	/** --timeout in seconds (default: fetch.ts's, 20). */
	readonly timeout: number | undefined;
}
export interface ReadArgs extends LayoutArgs, SourceArgs {
	readonly file: string | undefined;
	readonly width: number | undefined;
	readonly bidi: (typeof bidiChoices)[number];
	readonly section: string | undefined;
	readonly fromStart: boolean;
	readonly color: boolean;
	readonly mouse: boolean;
	readonly uiLang: (typeof uiLangChoices)[number];
}
export interface SectionsArgs extends LayoutArgs, SourceArgs {
	readonly file: string | undefined;
	readonly json: boolean;
}
export interface ExportArgs extends LayoutArgs, SourceArgs {
	readonly file: string | undefined;
	readonly width: number | undefined;
	readonly section: string | undefined;
	readonly output: string | undefined;
	readonly format: (typeof formatChoices)[number];
	/** Number the links and list their targets after each section (--no-links: not). */
	readonly links: boolean;
}
export type ListArgs = LayoutArgs;
export interface SaveArgs extends SourceArgs {
	readonly file: string;
}
export interface RemoveArgs {
	readonly name: string;
}

export interface CommandHandlers {
	read(args: ReadArgs): Promise<void>;
	sections(args: SectionsArgs): void | Promise<void>;
	export(args: ExportArgs): void | Promise<void>;
	list(args: ListArgs): void;
	save(args: SaveArgs): Promise<void>;
	remove(args: RemoveArgs): void;
}

export type Invocation =
	| {readonly command: 'read'; readonly args: ReadArgs}
	| {readonly command: 'sections'; readonly args: SectionsArgs}
	| {readonly command: 'export'; readonly args: ExportArgs}
	| {readonly command: 'list'; readonly args: ListArgs}
	| {readonly command: 'save'; readonly args: SaveArgs}
	| {readonly command: 'remove'; readonly args: RemoveArgs};

// Registered (Symbol.for): the yargs bundle has its own copy of this module,
// and the CLI bundle must recognise the errors that copy marks.
const usageError = Symbol.for('qari.usageError');

/** A usage mistake already reported with the usage (exit 2). */
export function usageErrorOf(message: string): Error {
	return Object.assign(new Error(message), {[usageError]: true});
}

/** What a usage mistake prints: one line and where to look, as git does (no wall of help). */
export function usageErrorText(line: string): string {
	return `qari: ${line}\nsee 'qari --help'\n`;
}

export function isUsageError(error: unknown): boolean {
	return (error as {[usageError]?: boolean} | undefined)?.[usageError] === true;
}

/** yargs-parser turns a lone '-' into ''; it is passed as this and turned back. */
export const DASH = '\u0000-';
export const fromDash = (value: unknown): string | undefined => (value === DASH ? '-' : (value as string | undefined));

/** A --timeout value: whole seconds from 1 to 3600, else undefined. */
export function parseTimeout(value: string): number | undefined {
	if (!/^\d{1,4}$/.test(value)) return undefined;
	const n = Number(value);
	return n >= 1 && n <= 3600 ? n : undefined;
}

/** A --width value: a whole number from 0 to 10000, else undefined. */
export function parseWidth(value: string): number | undefined {
	if (!/^\d{1,5}$/.test(value)) return undefined;
	const n = Number(value);
	return n <= 10000 ? n : undefined;
}

/** An option as both parsers read it, and as --help describes it. */
type OptionSpec =
	| {readonly kind: 'choice'; readonly values: readonly string[]; readonly default: string; readonly describe: string}
	| {readonly kind: 'width'; readonly alias: string; readonly describe: string}
	/** Whole seconds, 1 to 3600 (parseTimeout). */
	| {readonly kind: 'seconds'; readonly describe: string}
	/** `dash`: yargs turns its stand-in for a lone '-' (DASH) back into '-' (`-o -`: standard output). */
	| {readonly kind: 'string'; readonly alias: string; readonly dash?: boolean; readonly describe: string}
	| {readonly kind: 'flag'; readonly default: boolean; readonly describe: string};

/** A command's one positional argument, as its usage names it: `[file]`, `<file>`, `<name>`. */
interface PositionalSpec {
	readonly name: 'file' | 'name';
	readonly required: boolean;
	readonly describe: string;
}

export interface CommandSpec {
	/** The command as yargs declares it ('$0' is the default command), its positional included. */
	readonly usage: string;
	readonly describe: string;
	/** Its positional argument, if it takes one. */
	readonly positional?: PositionalSpec;
	/** Its options, in the order --help lists them. */
	readonly options: Readonly<Record<string, OptionSpec>>;
}

export type CommandName = Invocation['command'];

const layoutOptions: Record<string, OptionSpec> = {
	order: {
		kind: 'choice',
		values: orderChoices,
		default: 'auto',
		describe: 'Character order: logical for files, visual for terminals that do not reorder (auto: visual on a terminal)',
	},
	shape: {kind: 'choice', values: shapeChoices, default: 'auto', describe: 'Arabic presentation forms (auto: on with visual order)'},
	dir: {kind: 'choice', values: dirChoices, default: 'auto', describe: "Paragraph direction (auto: each paragraph's first strong letter)"},
};

/** Where the article comes from: a web page's options. */
const sourceOptions: Record<string, OptionSpec> = {
	raw: {kind: 'flag', default: false, describe: 'For a web page: show the whole page, not the article extracted from it'},
	timeout: {kind: 'seconds', describe: 'Give up a download after this many seconds (default: 20)'},
};

/** The article to read: `[file]`. */
const fileArgument: PositionalSpec = {
	name: 'file',
	required: false,
	describe:
		"Article to read: a Markdown or HTML file, an http(s) URL, '-' for standard input, or a number or name from 'qari list' (default: the bundled article)",
};

/**
 * THE command table: what each command takes. The fast parser below reads
 * well-formed invocations from it; yargs.ts builds the full parser (help,
 * completion, messages) from it.
 */
export const commandTable: Readonly<Record<CommandName, CommandSpec>> = {
	read: {
		usage: '$0 [file]',
		describe: 'Read an article (prints it as `export` does when output is not a terminal)',
		positional: fileArgument,
		options: {
			...layoutOptions,
			...sourceOptions,
			width: {
				kind: 'width',
				alias: 'w',
				describe: 'Text width in the reader at most (default: the terminal width minus margins, at most 100); wrap width when printing',
			},
			bidi: {
				kind: 'choice',
				values: bidiChoices,
				default: 'auto',
				describe: 'Who reorders right-to-left text in the reader: qari (app) or the terminal (auto: from the environment; see ? in the reader)',
			},
			section: {kind: 'string', alias: 's', describe: 'Open this section: its number or its title'},
			'from-start': {kind: 'flag', default: false, describe: 'Open at the start, not where you left off'},
			color: {kind: 'flag', default: true, describe: 'Styles and colours (--no-color; NO_COLOR also turns them off)'},
			mouse: {kind: 'flag', default: false, describe: 'Scroll with the mouse wheel (selecting text then needs Shift)'},
			'ui-lang': {
				kind: 'choice',
				values: uiLangChoices,
				default: 'auto',
				describe: "The reader's language, right to left for ar, fa, he, ur (auto: LC_ALL, LC_MESSAGES or LANG; else English)",
			},
		},
	},
	sections: {
		usage: 'sections [file]',
		describe: "List the article's sections: index, title, words, minutes",
		positional: fileArgument,
		options: {
			...layoutOptions,
			...sourceOptions,
			json: {kind: 'flag', default: false, describe: 'Print JSON: {title, lang, dir, meta, sections: [{index, title, words, minutes, direction}]}'},
		},
	},
	export: {
		usage: 'export [file]',
		describe: 'Print the article as plain text or JSON',
		positional: fileArgument,
		options: {
			...layoutOptions,
			...sourceOptions,
			width: {kind: 'width', alias: 'w', describe: 'Wrap at this many terminal cells (0: one line per paragraph; default: the terminal width, or 80)'},
			section: {kind: 'string', alias: 's', describe: 'Only this section: its number or its title'},
			output: {kind: 'string', alias: 'o', dash: true, describe: 'Write to this file (atomically) instead of standard output'},
			format: {kind: 'choice', values: formatChoices, default: 'text', describe: 'Output format'},
			links: {kind: 'flag', default: true, describe: 'Text: number each link, `text [1]`, and list the targets after its section (--no-links: leave them out)'},
		},
	},
	list: {
		usage: 'list',
		describe: 'List the bundled and saved articles: number, title, language, words, minutes, how far read',
		options: {...layoutOptions},
	},
	save: {
		usage: 'save <file>',
		describe: 'Save the article of a web page or a file to your reading list (as Markdown, for reading offline)',
		positional: {name: 'file', required: true, describe: "A URL, an HTML or Markdown file, or '-' for standard input"},
		options: {...sourceOptions},
	},
	remove: {
		usage: 'remove <name>',
		describe: "Remove a saved article: its number in 'qari list' or its name",
		positional: {name: 'name', required: true, describe: "Its number in 'qari list', or its file name"},
		options: {},
	},
};

/** The command yargs alone runs. */
export const completionCommand = {name: 'completion', describe: 'Print a shell completion script: bash, zsh or fish'} as const;

/** Every word that names a command (`qari WORD`): the table's names but the default command's, and completion. */
export const commandWords: readonly string[] = [...Object.keys(commandTable).filter((name) => name !== 'read'), completionCommand.name];

/** The option a one-letter alias (`-w`) stands for in a command. */
function optionOfAlias(spec: CommandSpec, letter: string): string | undefined {
	for (const [name, option] of Object.entries(spec.options)) if ('alias' in option && option.alias === letter) return name;
	return undefined;
}

/**
 * The invocation when `argv` is well formed and plain — known command, known
 * options given once as `--name value`, `--name=value` or `-x value`, valid
 * values, at most one file — else undefined (yargs takes it from there).
 */
export function parseInvocation(argv: readonly string[]): Invocation | undefined {
	let i = 0;
	const first = argv[0];
	if (first === completionCommand.name) return undefined;
	const command: CommandName = first !== undefined && first !== 'read' && Object.hasOwn(commandTable, first) ? (first as CommandName) : 'read';
	if (command !== 'read') i = 1;
	const spec = commandTable[command];
	const values = new Map<string, string | boolean>();
	let file: string | undefined;
	for (; i < argv.length; i++) {
		const token = argv[i] ?? '';
		if (token === '-' || !token.startsWith('-')) {
			if (!spec.positional || file !== undefined || token === '') return undefined;
			file = token;
			continue;
		}
		let name: string;
		let inline: string | undefined;
		const long = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(token);
		const short = /^-([a-z])$/.exec(token);
		if (long) {
			name = long[1] ?? '';
			inline = long[2];
		} else if (short) {
			const full = optionOfAlias(spec, short[1] ?? '');
			if (!full) return undefined;
			name = full;
		} else return undefined;
		// --no-color, --no-links: a flag that is on by default, turned off.
		const negated = name.startsWith('no-') ? spec.options[name.slice(3)] : undefined;
		if (negated?.kind === 'flag' && negated.default && inline === undefined) {
			if (values.has(name.slice(3))) return undefined;
			values.set(name.slice(3), false);
			continue;
		}
		const option = spec.options[name];
		if (!option || values.has(name)) return undefined;
		if (option.kind === 'flag') {
			if (inline !== undefined) return undefined;
			values.set(name, true);
			continue;
		}
		const value = inline ?? argv[++i];
		if (value === undefined || value === '' || (inline === undefined && value.startsWith('-'))) return undefined;
		if (option.kind === 'choice' && !option.values.includes(value)) return undefined;
		if (option.kind === 'width' && parseWidth(value) === undefined) return undefined;
		if (option.kind === 'seconds' && parseTimeout(value) === undefined) return undefined;
		values.set(name, value);
	}
	if (spec.positional?.required && file === undefined) return undefined;
	return invocationOf(command, file, (name) => values.get(name));
}

/**
 * The typed invocation from its positional argument (a file, or `remove`'s
 * name) and an option's value by name, whichever parser read them: text or a number for --width, booleans for flags, undefined when not
 * given (yargs gives the defaults itself; the table's apply otherwise).
 */
export function invocationOf(command: CommandName, positional: string | undefined, value: (name: string) => unknown): Invocation {
	const file = positional;
	const options = commandTable[command].options;
	const text = (name: string): string | undefined => {
		const v = value(name);
		if (typeof v === 'string') return v;
		const option = options[name];
		return option?.kind === 'choice' ? option.default : undefined;
	};
	const layout = {order: text('order') as Auto<Order>, shape: text('shape') as Auto<'on' | 'off'>, dir: text('dir') as Auto<Direction>};
	const widthValue = value('width');
	const width = typeof widthValue === 'number' ? widthValue : typeof widthValue === 'string' ? parseWidth(widthValue) : undefined;
	const timeoutValue = value('timeout');
	const timeout = typeof timeoutValue === 'number' ? timeoutValue : typeof timeoutValue === 'string' ? parseTimeout(timeoutValue) : undefined;
	const source = {raw: value('raw') === true, timeout};
	switch (command) {
		case 'read':
			return {
				command,
				args: {
					...layout,
					...source,
					file,
					width,
					bidi: text('bidi') as ReadArgs['bidi'],
					section: text('section'),
					fromStart: value('from-start') === true,
					color: value('color') !== false,
					mouse: value('mouse') === true,
					uiLang: text('ui-lang') as ReadArgs['uiLang'],
				},
			};
		case 'sections':
			return {command, args: {...layout, ...source, file, json: value('json') === true}};
		case 'export':
			return {
				command,
				args: {
					...layout,
					...source,
					file,
					width,
					section: text('section'),
					output: text('output'),
					format: text('format') as ExportArgs['format'],
					links: value('links') !== false,
				},
			};
		case 'list':
			return {command, args: layout};
		case 'save':
			return {command, args: {...source, file: file ?? ''}};
		case 'remove':
			return {command, args: {name: file ?? ''}};
	}
}

/** Runs an invocation's command. */
export function runInvocation(invocation: Invocation, handlers: CommandHandlers): Promise<void> | void {
	switch (invocation.command) {
		case 'read':
			return handlers.read(invocation.args);
		case 'sections':
			return handlers.sections(invocation.args);
		case 'export':
			return handlers.export(invocation.args);
		case 'list':
			return handlers.list(invocation.args);
		case 'save':
			return handlers.save(invocation.args);
		case 'remove':
			return handlers.remove(invocation.args);
	}
}
