// The command line's arguments as data: the commands, their options and
// choices, and a strict parser for well-formed invocations. Anything it does
// not recognize exactly goes to yargs (yargs.ts), which owns help and
// every error message; a test checks that both read every accepted
// invocation the same way.

import {type Direction} from '../model/article.js';
import {type Order} from '../text/paragraph.js';

export interface Io {
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
}

export type Auto<T extends string> = T | 'auto';

export const orderChoices = ['auto', 'logical', 'visual'] as const;
export const shapeChoices = ['auto', 'on', 'off'] as const;
export const dirChoices = ['auto', 'rtl', 'ltr'] as const;
export const bidiChoices = ['auto', 'app', 'terminal'] as const;
export const formatChoices = ['text', 'json'] as const;

interface LayoutArgs {
	readonly order: Auto<Order>;
	readonly shape: Auto<'on' | 'off'>;
	readonly dir: Auto<Direction>;
}
export interface ReadArgs extends LayoutArgs {
	readonly file: string | undefined;
	readonly width: number | undefined;
	readonly bidi: (typeof bidiChoices)[number];
	readonly section: string | undefined;
	readonly fromStart: boolean;
	readonly color: boolean;
	readonly mouse: boolean;
}
export interface SectionsArgs extends LayoutArgs {
	readonly file: string | undefined;
	readonly json: boolean;
}
export interface ExportArgs extends LayoutArgs {
	readonly file: string | undefined;
	readonly width: number | undefined;
	readonly section: string | undefined;
	readonly output: string | undefined;
	readonly format: (typeof formatChoices)[number];
}
export type ListArgs = LayoutArgs;

export interface CommandHandlers {
	read(args: ReadArgs): Promise<void>;
	sections(args: SectionsArgs): void;
	export(args: ExportArgs): void;
	list(args: ListArgs): void;
}

export type Invocation =
	| {readonly command: 'read'; readonly args: ReadArgs}
	| {readonly command: 'sections'; readonly args: SectionsArgs}
	| {readonly command: 'export'; readonly args: ExportArgs}
	| {readonly command: 'list'; readonly args: ListArgs};

// Registered (Symbol.for): the yargs bundle has its own copy of this module,
// and the CLI bundle must recognise the errors that copy marks.
const usageError = Symbol.for('qari.usageError');

/** A usage mistake already reported with the usage (exit 2). */
export function usageErrorOf(message: string): Error {
	return Object.assign(new Error(message), {[usageError]: true});
}

export function isUsageError(error: unknown): boolean {
	return (error as {[usageError]?: boolean} | undefined)?.[usageError] === true;
}

/** yargs-parser turns a lone '-' into ''; it is passed as this and turned back. */
export const DASH = '\u0000-';
export const fromDash = (value: unknown): string | undefined => (value === DASH ? '-' : (value as string | undefined));

/** A --width value: a whole number from 0 to 10000, else undefined. */
export function parseWidth(value: string): number | undefined {
	if (!/^\d{1,5}$/.test(value)) return undefined;
	const n = Number(value);
	return n <= 10000 ? n : undefined;
}

type Spec =
	| {readonly kind: 'choice'; readonly values: readonly string[]}
	| {readonly kind: 'width'}
	| {readonly kind: 'string'}
	| {readonly kind: 'flag'};

const layoutSpecs: Record<string, Spec> = {
	order: {kind: 'choice', values: orderChoices},
	shape: {kind: 'choice', values: shapeChoices},
	dir: {kind: 'choice', values: dirChoices},
};
const specs: Record<Invocation['command'], {readonly options: Record<string, Spec>; readonly file: boolean}> = {
	read: {
		file: true,
		options: {
			...layoutSpecs,
			width: {kind: 'width'},
			bidi: {kind: 'choice', values: bidiChoices},
			section: {kind: 'string'},
			'from-start': {kind: 'flag'},
			color: {kind: 'flag'},
			mouse: {kind: 'flag'},
		},
	},
	sections: {file: true, options: {...layoutSpecs, json: {kind: 'flag'}}},
	export: {
		file: true,
		options: {...layoutSpecs, width: {kind: 'width'}, section: {kind: 'string'}, output: {kind: 'string'}, format: {kind: 'choice', values: formatChoices}},
	},
	list: {file: false, options: {...layoutSpecs}},
};
const shortNames: Record<string, string> = {w: 'width', s: 'section', o: 'output'};

/**
 * The invocation when `argv` is well formed and plain — known command, known
 * options given once as `--name value`, `--name=value` or `-x value`, valid
 * values, at most one file — else undefined (yargs takes it from there).
 */
export function parseInvocation(argv: readonly string[]): Invocation | undefined {
	let i = 0;
	const first = argv[0];
	if (first === 'completion') return undefined;
	const command: Invocation['command'] = first === 'sections' || first === 'export' || first === 'list' ? first : 'read';
	if (command !== 'read') i = 1;
	const spec = specs[command];
	const values = new Map<string, string | boolean>();
	let file: string | undefined;
	for (; i < argv.length; i++) {
		const token = argv[i] ?? '';
		if (token === '-' || !token.startsWith('-')) {
			if (!spec.file || file !== undefined || token === '') return undefined;
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
			const full = shortNames[short[1] ?? ''];
			if (!full) return undefined;
			name = full;
		} else return undefined;
		if (name === 'no-color' && inline === undefined && spec.options['color']) {
			if (values.has('color')) return undefined;
			values.set('color', false);
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
		values.set(name, value);
	}
	const text = (name: string): string | undefined => {
		const v = values.get(name);
		return typeof v === 'string' ? v : undefined;
	};
	const layout = {
		order: (text('order') ?? 'auto') as Auto<Order>,
		shape: (text('shape') ?? 'auto') as Auto<'on' | 'off'>,
		dir: (text('dir') ?? 'auto') as Auto<Direction>,
	};
	const widthText = text('width');
	const width = widthText === undefined ? undefined : parseWidth(widthText);
	switch (command) {
		case 'read':
			return {
				command,
				args: {
					...layout,
					file,
					width,
					bidi: (text('bidi') ?? 'auto') as ReadArgs['bidi'],
					section: text('section'),
					fromStart: values.get('from-start') === true,
					color: values.get('color') !== false,
					mouse: values.get('mouse') === true,
				},
			};
		case 'sections':
			return {command, args: {...layout, file, json: values.get('json') === true}};
		case 'export':
			return {
				command,
				args: {...layout, file, width, section: text('section'), output: text('output'), format: (text('format') ?? 'text') as ExportArgs['format']},
			};
		case 'list':
			return {command, args: layout};
	}
}
