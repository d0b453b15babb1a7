// `qari completion bash|zsh|fish`: the script of the shell named (not
// $SHELL's), run in that shell: the first word completes to the commands and
// files, `--` to the command's own options, an option's value to its choices.
// A shell that is not installed is skipped.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {runQari} from './helpers/run.js';

const temp = mkdtempSync(join(tmpdir(), 'qari-completion-'));
after(() => rmSync(temp, {recursive: true, force: true}));
/** The folder completed in: one file. */
const here = join(temp, 'here');
mkdirSync(here);
writeFileSync(join(here, 'article.md'), '# A\n');

const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

/** Runs `code` in `shell` (no user start-up files), in the folder `here`. */
function inShell(shell: string, args: readonly string[], code: string): string[] {
	const result = spawnSync(shell, [...args, code], {encoding: 'utf8', cwd: here, env: {PATH: process.env['PATH'] ?? '', HOME: temp}});
	assert.equal(result.status, 0, result.stderr);
	assert.equal(result.stderr, '');
	return result.stdout.split('\n').filter((line) => line !== '');
}

/** The candidates `shell` offers for the command line `line` (the cursor at its end). */
type Complete = (line: string) => string[];

const scripts = Object.fromEntries(
	(['bash', 'zsh', 'fish'] as const).map((shell) => {
		const script = join(temp, `qari.${shell}`);
		// $SHELL names another shell: the argument wins.
		const result = runQari(['completion', shell], {env: {SHELL: shell === 'bash' ? '/usr/bin/zsh' : '/bin/bash'}});
		assert.equal(result.status, 0, result.stderr);
		writeFileSync(script, result.stdout);
		return [shell, {script, text: result.stdout}];
	}),
) as Record<'bash' | 'zsh' | 'fish', {script: string; text: string}>;

const words = (line: string): string[] => line.split(' ');
const quoted = (list: readonly string[]): string => list.map((w) => `'${w}'`).join(' ');

const completers: Record<'bash' | 'zsh' | 'fish', Complete> = {
	bash: (line) => {
		const w = words(line);
		return inShell(
			'bash',
			['--norc', '--noprofile', '-c'],
			`source '${scripts.bash.script}'; COMP_WORDS=(${quoted(w)}); COMP_CWORD=${w.length - 1}; _qari; printf '%s\\n' "\${COMPREPLY[@]}"`,
		);
	},
	// compsys is stood in for by compadd, compset and _files that print what they are given (compadd matching the prefix, as it does).
	zsh: (line) => {
		const w = words(line);
		return inShell(
			'zsh',
			['-f', '-c'],
			[
				'compdef() { :; }',
				`source '${scripts.zsh.script}'`,
				'compadd() { [[ $1 == -- ]] && shift; local w; for w; do [[ $w == ${PREFIX}* ]] && print -r -- $w; done; }',
				'compset() { [[ $1 == -P ]] && PREFIX=${PREFIX#*=}; }',
				'_files() { print -rl -- ${PREFIX}*(N); }',
				`words=(${quoted(w)}); CURRENT=${w.length}; PREFIX=${w.at(-1) === '' ? "''" : `'${w.at(-1)}'`}`,
				// Status 1 is 'nothing added', as compadd's.
				'_qari || true',
			].join('\n'),
		);
	},
	fish: (line) =>
		inShell('fish', ['--no-config', '-c'], `source '${scripts.fish.script}'; complete -C '${line}'`).map((candidate) => candidate.split('\t')[0] ?? ''),
};

const commands = ['completion', 'export', 'list', 'remove', 'save', 'sections'];
const sorted = (list: readonly string[]): string[] => [...list].sort();

for (const shell of ['bash', 'zsh', 'fish'] as const) {
	test(`completion ${shell}: the ${shell} script, complete in ${shell}`, {skip: !has(shell) && `${shell} is not installed`}, () => {
		const {text} = scripts[shell];
		assert.doesNotMatch(text, /\$0|yargs/);
		const complete = completers[shell];
		// The first word: the commands and the files here.
		assert.deepEqual(sorted(complete('qari ')), sorted([...commands, 'article.md']));
		assert.deepEqual(sorted(complete('qari s')), ['save', 'sections']);
		// Options: the command's own, as typed, no `--w`.
		const exportOptions = complete('qari export --');
		for (const option of ['--width', '--section', '--output', '--format', '--no-links', '--order', '--help']) assert.ok(exportOptions.includes(option), option);
		for (const option of ['--w', '--s', '--o', '--bidi', '--json', '--from-start']) assert.ok(!exportOptions.includes(option), option);
		assert.deepEqual(sorted(complete('qari --bi')), ['--bidi']);
		assert.deepEqual(sorted(complete('qari sections --j')), ['--json']);
		// Values: an option's choices; files after the command.
		assert.deepEqual(sorted(complete('qari export --order ')), ['auto', 'logical', 'visual']);
		assert.deepEqual(sorted(complete('qari --bidi t')), ['terminal']);
		assert.deepEqual(complete('qari sections art'), ['article.md']);
		assert.deepEqual(sorted(complete('qari completion ')), ['bash', 'fish', 'zsh']);
		assert.deepEqual(complete('qari list '), []);
	});
}

test('completion: the shell named wins over $SHELL; an unknown shell is a usage error', () => {
	assert.match(scripts.zsh.text, /^#compdef qari\n/);
	assert.match(scripts.fish.text, /^# fish completion/);
	assert.match(scripts.bash.text, /^# bash completion/);
	assert.match(runQari(['completion'], {env: {SHELL: '/usr/bin/fish'}}).stdout, /^# fish completion/);
	const unknown = runQari(['completion', 'tcsh']);
	assert.equal(unknown.status, 2);
	assert.equal(unknown.stderr, "qari: no completion for 'tcsh': the shells are bash, zsh, fish\nsee 'qari --help'\n");
});
