import assert from 'node:assert/strict';
import {test} from 'node:test';
import {dropUnnamedKeys, inkCannotName} from '../src/terminal/unnamed-keys.js';
import {
	ALT_SCREEN_OFF,
	ALT_SCREEN_ON,
	BDSM_EXPLICIT,
	BDSM_IMPLICIT,
	chooseBidi,
	CURSOR_HIDE,
	CURSOR_SHOW,
	detectTerminal,
	enterSequence,
	leaveSequence,
	type Env,
} from '../src/terminal/detect.js';

// One case a line: [environment, bidi mode, obeys CSI 8 l, a word the reason must name].
const cases: [Env, 'app' | 'terminal', boolean, string][] = [
	[{VTE_VERSION: '7200', TERM: 'xterm-256color'}, 'app', true, 'VTE'],
	[{TERM_PROGRAM: 'mintty', TERM: 'xterm'}, 'app', true, 'mintty'],
	[{KONSOLE_VERSION: '230802', TERM: 'xterm-256color'}, 'terminal', false, 'Konsole'],
	[{MLTERM: '3.9.3', TERM: 'xterm'}, 'terminal', false, 'mlterm'],
	[{TERM: 'mlterm'}, 'terminal', false, 'mlterm'],
	[{TERM_PROGRAM: 'Apple_Terminal', TERM: 'xterm-256color'}, 'terminal', false, 'Terminal.app'],
	[{KITTY_WINDOW_ID: '1', TERM: 'xterm-kitty'}, 'app', false, 'kitty'],
	[{TERM: 'xterm-kitty'}, 'app', false, 'kitty'],
	[{TERM_PROGRAM: 'WezTerm', WEZTERM_PANE: '0'}, 'app', false, 'WezTerm'],
	[{WT_SESSION: 'abc', TERM: 'xterm-256color'}, 'app', false, 'Windows Terminal'],
	[{ALACRITTY_WINDOW_ID: '1', TERM: 'alacritty'}, 'app', false, 'Alacritty'],
	[{ALACRITTY_SOCKET: '/tmp/a.sock'}, 'app', false, 'Alacritty'],
	[{XTERM_VERSION: 'XTerm(390)', TERM: 'xterm'}, 'app', false, 'xterm'],
	[{TERM_PROGRAM: 'ghostty', TERM: 'xterm-ghostty'}, 'app', false, 'Ghostty'],
	[{TERM_PROGRAM: 'vscode'}, 'app', false, 'VS Code'],
	[{TERM_PROGRAM: 'iTerm.app'}, 'app', false, 'iTerm2'],
	[{TERM: 'foot'}, 'app', false, 'foot'],
	[{TMUX: '/tmp/tmux-0/default,1,0', TERM: 'tmux-256color', TERM_PROGRAM: 'tmux'}, 'app', false, 'tmux'],
	// tmux inside a VTE terminal: tmux draws the cells and swallows CSI 8 l.
	[{TMUX: '/tmp/tmux-0/default,1,0', VTE_VERSION: '7200'}, 'app', false, 'tmux'],
	// tmux inside Konsole: still tmux that qari talks to.
	[{TMUX: '/tmp/tmux-0/default,1,0', KONSOLE_VERSION: '230802'}, 'app', false, 'tmux'],
	[{STY: '1234.pts-0.host', TERM: 'screen'}, 'app', false, 'screen'],
	[{TERM: 'xterm-256color'}, 'app', false, 'unknown'],
	[{}, 'app', false, 'unknown'],
	// An empty variable is not set.
	[{VTE_VERSION: '', KONSOLE_VERSION: ''}, 'app', false, 'unknown'],
];

for (const [env, bidi, bdsm, word] of cases) {
	test(`detect ${JSON.stringify(env)} → ${bidi}`, () => {
		const info = detectTerminal(env);
		assert.equal(info.bidi, bidi);
		assert.equal(info.supportsBdsm, bdsm);
		assert.match(info.reason, new RegExp(word.replace('.', '\\.')));
	});
}

test('--bidi overrides detection and says so; CSI 8 l only where the terminal obeys it and qari reorders', () => {
	const vte = detectTerminal({VTE_VERSION: '7200'});
	assert.deepEqual(chooseBidi('auto', vte), {bidi: 'app', reason: vte.reason, switchBdsm: true});
	const terminal = chooseBidi('terminal', vte);
	assert.equal(terminal.bidi, 'terminal');
	assert.equal(terminal.switchBdsm, false);
	assert.match(terminal.reason, /^--bidi terminal \(detected: VTE/);
	const konsole = chooseBidi('app', detectTerminal({KONSOLE_VERSION: '1'}));
	assert.equal(konsole.bidi, 'app');
	assert.equal(konsole.switchBdsm, false);
});

test('escape sequences, and leaving undoes entering in reverse order', () => {
	assert.equal(ALT_SCREEN_ON, '\u001B[?1049h');
	assert.equal(ALT_SCREEN_OFF, '\u001B[?1049l');
	assert.equal(CURSOR_HIDE, '\u001B[?25l');
	assert.equal(CURSOR_SHOW, '\u001B[?25h');
	assert.equal(BDSM_EXPLICIT, '\u001B[8l');
	assert.equal(BDSM_IMPLICIT, '\u001B[8h');
	const vte = chooseBidi('auto', detectTerminal({VTE_VERSION: '7200'}));
	assert.equal(enterSequence(vte), '\u001B[?1049h\u001B[?25l\u001B[8l\u001B[1 k');
	assert.equal(leaveSequence(vte), '\u001B[0 k\u001B[8h\u001B[?25h\u001B[?1049l');
	const xterm = chooseBidi('auto', detectTerminal({TERM: 'xterm'}));
	assert.equal(enterSequence(xterm), '\u001B[?1049h\u001B[?25l');
	assert.equal(leaveSequence(xterm), '\u001B[?25h\u001B[?1049l');
});

test('mlterm draws bidi marks as blank cells (3.9, seen under Xvfb): only it is said to', () => {
	for (const env of [{MLTERM: '3.9.3'}, {TERM: 'mlterm'}]) {
		assert.equal(detectTerminal(env).marksTakeCells, true);
		assert.equal(chooseBidi('auto', detectTerminal(env)).marksTakeCells, true);
		assert.equal(chooseBidi('app', detectTerminal(env)).marksTakeCells, true);
	}
	for (const [env] of cases) if (!env['MLTERM'] && env['TERM'] !== 'mlterm') assert.notEqual(detectTerminal(env).marksTakeCells, true, JSON.stringify(env));
});

test('terminal mode turns paragraph direction autodetection on (VTE mode 2501) while the reader runs, and off after', async () => {
	const {AUTODETECT_ON, AUTODETECT_OFF} = await import('../src/terminal/detect.js');
	const terminal = chooseBidi('terminal', detectTerminal({VTE_VERSION: '7200'}));
	assert.ok(enterSequence(terminal).includes(AUTODETECT_ON));
	assert.ok(leaveSequence(terminal).includes(AUTODETECT_OFF));
	const app = chooseBidi('auto', detectTerminal({VTE_VERSION: '7200'}));
	assert.ok(!enterSequence(app).includes(AUTODETECT_ON), 'app mode: explicit mode instead');
});

test('dropUnnamedKeys: exactly the sequences Ink 6.8 reads as a Ctrl key with no name (its useInput then throws) are dropped', async () => {
	const {default: parseKeypress} = await import('../node_modules/ink/build/parse-keypress.js');
	const finals = Array.from({length: 0x7f - 0x40}, (_, i) => String.fromCharCode(0x40 + i));
	const params = [
		'',
		'1',
		'1;5',
		'5',
		'31',
		'2;5',
		'29;5',
		'1;6',
		'1;3',
		'3;5',
		'5;5',
		'24;5',
		'15;5',
		'1;13',
		'27;5;13',
		'<0;10;10',
		'?62;22',
		'97;5',
		'1;5:1',
	];
	const sequences = [
		...params.flatMap((p) => finals.flatMap((f) => ['\u001B[', '\u001B\u001B[', '\u001B[['].map((prefix) => prefix + p + f))),
		...finals.map((f) => `\u001BO${f}`),
	];
	for (const keys of sequences) {
		const key = parseKeypress(keys);
		const throws = !key.isKittyProtocol && key.ctrl && key.name === undefined;
		assert.equal(inkCannotName(keys), throws, JSON.stringify(keys));
		assert.equal(dropUnnamedKeys(`a${keys}b`), throws ? 'ab' : `a${keys}b`, JSON.stringify(keys));
	}
	assert.equal(dropUnnamedKeys('\u001B[1;5P'), '', 'Ctrl+F1 in xterm');
	assert.equal(dropUnnamedKeys('\u001B[<64;10;10M'), '\u001B[<64;10;10M', 'the mouse wheel passes');
	assert.equal(dropUnnamedKeys('سلام'), 'سلام');
});
