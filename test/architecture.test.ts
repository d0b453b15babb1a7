// The house rules (src/README.md): which folder of src/ may import which.
// Every import and export-from of every module under src/ is read from its
// source and checked against the "may import" table; so is every use of
// `process` outside the two folders that may touch it. A rule broken by a
// new import fails here with the file, the line and the rule.
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {test} from 'node:test';
import {root} from './helpers/run.js';

const src = join(root, 'src');

type Folder = 'model' | 'parse' | 'text' | 'layout' | 'reader' | 'terminal' | 'output' | 'cli' | 'ui';
const folders: readonly Folder[] = ['model', 'parse', 'text', 'layout', 'reader', 'terminal', 'output', 'cli', 'ui'];

/**
 * The folders (or single modules, `folder/name`) each folder may import
 * besides itself. `*` is every folder; cli's one way into ui is the type of
 * the reader's entry point (checked separately: type-only).
 */
const mayImport: Readonly<Record<Folder, readonly string[]>> = {
	model: [],
	text: [],
	parse: ['model', 'text'],
	layout: ['model', 'text'],
	// The screen is drawn as terminal strings: frame.ts runs rows through sgr.
	reader: ['model', 'text', 'layout', 'terminal/sgr'],
	// sgr filters every run through the one sanitizer before it reaches a terminal; paint measures rows.
	terminal: ['model', 'parse/sanitize', 'text/width'],
	// JSON output escapes what the sanitizer says a terminal acts on.
	output: ['model', 'text', 'layout', 'parse/sanitize'],
	cli: ['model', 'parse', 'text', 'layout', 'reader', 'terminal', 'output'],
	ui: ['model', 'reader', 'terminal'],
};

/** Packages (and node: built-ins) each folder may import; node:buffer is pure and allowed everywhere. */
const mayUsePackages: Readonly<Record<Folder, readonly string[]>> = {
	model: [],
	text: [],
	parse: ['marked', 'entities', 'linkedom', '@mozilla/readability'],
	layout: [],
	reader: [],
	terminal: [],
	output: [],
	cli: ['yargs', 'node:*'],
	ui: ['ink', 'react', 'node:*'],
};

/**
 * Imports that break the table today, each in a module another change is
 * rewriting (so it was moved, not restructured). Every entry must still be
 * needed: a fixed one fails the last test until it is removed from here.
 */
const knownExceptions: readonly {readonly from: string; readonly to: string; readonly why: string}[] = [
	{from: 'ui/run.tsx', to: 'cli/reader-start', why: 'the reader entry point prepares the reader itself when the CLI has not (cli/reader-start.ts)'},
	{
		from: 'ui/run.tsx',
		to: 'cli/signal-guard',
		why: 'called without the CLI (tests), the reader installs the one signal guard itself; the reader bundle has its own copy of the module',
	},
	{from: 'ui/run.tsx', to: 'cli/positions', why: 'the reader entry point saves the reading position on the way out'},
	{from: 'ui/run.tsx', to: 'parse/sanitize', why: 'the reader entry point escapes error messages'},
];

interface Import {
	/** Module path under src/ without extension ('../package.json' outside src/), or a package name. */
	readonly target: string;
	readonly isPackage: boolean;
	readonly typeOnly: boolean;
	readonly line: number;
}

interface Module {
	/** Path under src/, e.g. 'reader/screen/frame.ts'. */
	readonly path: string;
	readonly folder: Folder;
	readonly imports: readonly Import[];
	/** Lines (1-based) that use `process` in code, comments and strings left out. */
	readonly processLines: readonly number[];
}

function listSources(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return listSources(path);
		return /\.tsx?$/.test(entry.name) ? [path] : [];
	});
}

const commentsAndStrings = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g;
const blank = (text: string): string => text.replace(/[^\n]/g, ' ');

/** Source with comments blanked (same length, same lines), and string contents too unless `keepStrings`. */
function codeOnly(source: string, keepStrings = false): string {
	return source.replace(commentsAndStrings, (m) => (keepStrings && !m.startsWith('/') ? m : blank(m)));
}

const importPattern = /^[ \t]*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)'|^\s*import\s+'([^']+)'|(typeof\s+)?import\(\s*'([^']+)'\s*\)/gm;

/** Every import of a module's source. */
function importsOf(source: string, file: string): Import[] {
	const imports: Import[] = [];
	const code = codeOnly(source, true);
	for (const m of code.matchAll(importPattern)) {
		const specifier = m[4] ?? m[5] ?? m[7] ?? '';
		const clause = m[3] ?? '';
		// `import {type A, type B}`, `import type`, `typeof import()`: erased when compiled.
		const names = /^\{([\s\S]*)\}$/
			.exec(clause.trim())?.[1]
			?.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		const typeOnly = Boolean(m[2] ?? m[6]) || (names !== undefined && names.length > 0 && names.every((n) => n.startsWith('type ')));
		const line = code.slice(0, m.index).split('\n').length;
		if (!specifier.startsWith('.')) {
			imports.push({target: specifier, isPackage: true, typeOnly, line});
			continue;
		}
		const resolved = relative(src, join(dirname(file), specifier)).replace(/\\/g, '/');
		imports.push({target: resolved.replace(/\.(js|tsx?)$/, ''), isPackage: false, typeOnly, line});
	}
	return imports;
}

function readModules(): Module[] {
	return listSources(src).map((file) => {
		const path = relative(src, file).replace(/\\/g, '/');
		const folder = path.split('/')[0] as Folder;
		const source = readFileSync(file, 'utf8');
		const code = codeOnly(source);
		const processLines = code.split('\n').flatMap((text, i) => (/(?<![\w.$])process\b/.test(text) ? [i + 1] : []));
		return {path, folder, imports: importsOf(source, file), processLines};
	});
}

function allows(list: readonly string[], target: string): boolean {
	return list.some((entry) => entry === '*' || target === entry || target.startsWith(`${entry}/`) || (entry === 'node:*' && target.startsWith('node:')));
}

/** The broken rules of a set of modules, one line each. */
function violations(modules: readonly Module[]): string[] {
	const found: string[] = [];
	for (const module of modules) {
		const where = (line: number): string => `src/${module.path}:${line}`;
		if (!folders.includes(module.folder)) {
			found.push(`src/${module.path}: outside every folder of the table (${folders.join(', ')})`);
			continue;
		}
		for (const imp of module.imports) {
			if (!imp.isPackage && imp.target.startsWith('../')) {
				// Outside src/: only the CLI reads package.json (its version).
				if (!(module.folder === 'cli' && imp.target === '../package.json')) found.push(`${where(imp.line)}: imports ${imp.target}, outside src/`);
				continue;
			}
			if (imp.isPackage) {
				if (imp.target === 'node:buffer' || allows(mayUsePackages[module.folder], imp.target)) continue;
				found.push(`${where(imp.line)}: ${module.folder}/ may not import the package ${imp.target}`);
				continue;
			}
			const targetFolder = imp.target.split('/')[0] as Folder;
			if (targetFolder === module.folder) continue;
			if (module.folder === 'cli' && targetFolder === 'ui') {
				if (!(imp.target === 'ui/run' && imp.typeOnly)) found.push(`${where(imp.line)}: cli/ may import only the type of ui/run, not ${imp.target}`);
				continue;
			}
			if (allows(mayImport[module.folder], imp.target)) continue;
			if (knownExceptions.some((e) => e.from === module.path && e.to === imp.target)) continue;
			found.push(`${where(imp.line)}: ${module.folder}/ may not import ${imp.target}`);
		}
		if (module.folder !== 'cli' && module.folder !== 'ui') {
			for (const line of module.processLines) found.push(`${where(line)}: only cli/ and ui/ touch process`);
		}
	}
	return found;
}

const modules = readModules();

test('src/ holds only the folders of the table, and every module sits in one', () => {
	const loose = readdirSync(src, {withFileTypes: true}).filter((e) => e.isFile() && /\.tsx?$/.test(e.name));
	assert.deepEqual(
		loose.map((e) => e.name),
		[],
	);
	assert.ok(modules.length > 30, `found the modules (${modules.length})`);
	for (const folder of folders)
		assert.ok(
			modules.some((m) => m.folder === folder),
			`src/${folder}/ has modules`,
		);
});

test('every import follows the "may import" table', () => {
	assert.deepEqual(violations(modules), []);
});

test('the check finds a broken rule of each kind', () => {
	const fake = (path: string, imports: readonly Import[], processLines: readonly number[] = []): Module => ({
		path,
		folder: path.split('/')[0] as Folder,
		imports,
		processLines,
	});
	const cases: readonly [Module, RegExp][] = [
		[fake('model/article.ts', [{target: 'text/width', isPackage: false, typeOnly: true, line: 1}]), /model\/ may not import text\/width/],
		[fake('text/width.ts', [{target: 'model/article', isPackage: false, typeOnly: true, line: 3}]), /text\/ may not import model\/article/],
		[fake('layout/blocks.ts', [{target: 'reader/book', isPackage: false, typeOnly: false, line: 2}]), /layout\/ may not import reader\/book/],
		[fake('reader/pager.ts', [{target: 'node:fs', isPackage: true, typeOnly: false, line: 2}]), /may not import the package node:fs/],
		[fake('reader/pager.ts', [{target: 'terminal/detect', isPackage: false, typeOnly: false, line: 2}]), /reader\/ may not import terminal\/detect/],
		[fake('output/export.ts', [{target: 'ink', isPackage: true, typeOnly: false, line: 2}]), /may not import the package ink/],
		[fake('parse/markdown.ts', [{target: 'yargs', isPackage: true, typeOnly: false, line: 2}]), /may not import the package yargs/],
		[fake('terminal/detect.ts', [], [12]), /src\/terminal\/detect\.ts:12: only cli\/ and ui\/ touch process/],
		[fake('cli/main.ts', [{target: 'ui/app', isPackage: false, typeOnly: false, line: 9}]), /cli\/ may import only the type of ui\/run/],
		[fake('cli/main.ts', [{target: 'ui/run', isPackage: false, typeOnly: false, line: 9}]), /cli\/ may import only the type of ui\/run/],
		[fake('ui/frame-view.tsx', [{target: 'parse/markdown', isPackage: false, typeOnly: false, line: 4}]), /ui\/ may not import parse\/markdown/],
		[fake('shared.ts', []), /outside every folder/],
	];
	for (const [module, expected] of cases) assert.match(violations([module]).join('\n'), expected);
	assert.deepEqual(
		violations([
			fake(
				'cli/main.ts',
				[
					{target: 'ui/run', isPackage: false, typeOnly: true, line: 9},
					{target: 'node:fs', isPackage: true, typeOnly: false, line: 1},
				],
				[5],
			),
		]),
		[],
	);
});

test('imports are read as written: type-only clauses, dynamic imports, re-exports', () => {
	const file = join(src, 'reader', 'screen', 'frame.ts');
	const source = [
		"import {type Book} from '../book.js';",
		"import {frameRows, type FrameInput} from './frame.js';",
		"export {isBreakSpace} from '../../text/width.js';",
		"import type {Line} from '../../model/line.js';",
		"const run = (): Promise<typeof import('../../ui/run.js')> => import('../../cli/main.js');",
		"import {Lexer} from 'marked';",
	].join('\n');
	assert.deepEqual(importsOf(source, file), [
		{target: 'reader/book', isPackage: false, typeOnly: true, line: 1},
		{target: 'reader/screen/frame', isPackage: false, typeOnly: false, line: 2},
		{target: 'text/width', isPackage: false, typeOnly: false, line: 3},
		{target: 'model/line', isPackage: false, typeOnly: true, line: 4},
		{target: 'ui/run', isPackage: false, typeOnly: true, line: 5},
		{target: 'cli/main', isPackage: false, typeOnly: false, line: 5},
		{target: 'marked', isPackage: true, typeOnly: false, line: 6},
	]);
});

test('every known exception is still needed', () => {
	for (const exception of knownExceptions) {
		const module = modules.find((m) => m.path === exception.from);
		assert.ok(
			module?.imports.some((imp) => imp.target === exception.to),
			`${exception.from} no longer imports ${exception.to}: remove the exception`,
		);
	}
});
