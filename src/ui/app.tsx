// The reader's root component: the only one that reads the terminal's size
// and the keyboard. It keeps one PagerState, changes it only through
// reducePager, and draws header, body and footer from it.
//
// The state lives in a ref, not useReducer: keys that arrive in one chunk
// (a paste, fast typing, keys written back to back by a test) are handled one
// after another before React renders, and each must see the state the
// previous one left (after '/', the next 'a' is typed into the prompt).

import {Text, useInput, useStdout} from 'ink';
import type React from 'react';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {type Book} from '../reader/book.js';
import {markReserve, screenGeometry, tooSmallText} from '../reader/screen/geometry.js';
import {helpScreenRows} from '../reader/screen/help.js';
import {type ScreenOptions, type ScreenRow} from '../reader/screen/rows.js';
import {actionForKey, helpRows, nameKey, splitKeys, type KeyContext} from '../reader/keys.js';
import {createPager, linesOf, reducePager, type PagerAction, type PagerState, type Place} from '../reader/pager.js';
import {type BidiChoice} from '../terminal/detect.js';
import {sectionLinks} from '../reader/links.js';
import {FrameView} from './frame-view.js';

export interface AppProps {
	readonly book: Book;
	readonly chrome: ScreenOptions;
	readonly bidi: BidiChoice;
	readonly color: boolean;
	/** Cap on the text width (--width); default 100. */
	readonly maxWidth?: number;
	readonly start: Place;
	/** Called whenever the place changes (section or first visible character). */
	readonly onPlace?: (place: Place) => void;
	/** Called once when the reader asks to quit (q, Ctrl-C). */
	readonly onQuit: () => void;
	/** An exception in a key handler; rethrown when not given. */
	readonly onError?: (error: unknown) => void;
	/** Called before the frame is redrawn for a new terminal size. */
	readonly onResize?: () => void;
	/** Enter in the links list: opens the address; returns the footer's line (what was done, or the address). */
	readonly onOpenLink?: (href: string) => string;
	/** y in the links list: copies the address; returns the footer's line. */
	readonly onCopy?: (href: string) => string;
	/** Ctrl-Z: give the terminal back and stop the process until SIGCONT (run.tsx). */
	readonly onSuspend?: () => void;
	/** Called before the frame of another view (help, contents, prompt, page) is drawn: the whole screen is painted anew. */
	readonly onRepaint?: () => void;
}

interface Size {
	readonly columns: number;
	readonly rows: number;
}

function sizeOf(stdout: NodeJS.WriteStream): Size {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

export function App(props: AppProps): React.JSX.Element {
	const {book, chrome, color, maxWidth} = props;
	const {stdout} = useStdout();
	const [, setTick] = useState(0);
	const size = sizeOf(stdout);
	const geometry = screenGeometry(size.columns, size.rows, maxWidth, markReserve(chrome), chrome.lang);
	const stateRef = useRef<PagerState | undefined>(undefined);
	stateRef.current ??= createPager(book, {...props.start, width: geometry.width, height: geometry.height});
	const propsRef = useRef(props);
	propsRef.current = props;

	const apply = useCallback(
		(action: PagerAction): void => {
			const before = stateRef.current;
			if (!before) return;
			const after = reducePager(before, action, book);
			if (after === before) return;
			stateRef.current = after;
			if (after.view !== before.view) propsRef.current.onRepaint?.();
			if (after.section !== before.section || after.anchor !== before.anchor) {
				propsRef.current.onPlace?.({section: after.section, offset: after.anchor});
			}
			setTick((t) => t + 1);
			if (after.quit && !before.quit) propsRef.current.onQuit();
		},
		[book],
	);

	// After the first frame, fold the book for search one section per turn of the
	// event loop, so the first search of a large book is as quick as the next
	// (book.ts, Logic 4); keys are handled between sections.
	useEffect(() => {
		let next = 0;
		let timer: NodeJS.Immediate | undefined = setImmediate(function step(): void {
			timer = undefined;
			if (next >= book.count) return;
			book.prepareSearch(next++);
			timer = setImmediate(step);
		});
		return () => {
			if (timer) clearImmediate(timer);
		};
	}, [book]);

	// The sections before and after the one on screen are laid out while the
	// reader is idle (after this frame), so n and p open them from the cache.
	const {section: onScreen, width: laidWidth, search: activeSearch} = stateRef.current;
	// biome-ignore lint/correctness/useExhaustiveDependencies: the effect reads stateRef; these are the changes after which it runs again
	useEffect(() => {
		const timer = setImmediate(() => {
			const current = stateRef.current;
			if (!current) return;
			for (const neighbour of [current.section + 1, current.section - 1]) {
				if (neighbour >= 0 && neighbour < book.count) linesOf(book, current, neighbour);
			}
		});
		return () => clearImmediate(timer);
	}, [book, onScreen, laidWidth, activeSearch]);

	useEffect(() => {
		const onResize = (): void => {
			propsRef.current.onResize?.();
			const g = screenGeometry(sizeOf(stdout).columns, sizeOf(stdout).rows, maxWidth, markReserve(chrome), chrome.lang);
			// Too small: keep the old layout; nothing is laid out at a silly width.
			if (!g.tooSmall) apply({type: 'resize', width: g.width, height: g.height});
			setTick((t) => t + 1);
		};
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, maxWidth, apply, chrome]);

	const state = stateRef.current;
	const context: KeyContext = {dir: chrome.dir, searching: state.search !== null, sections: book.count};
	// The help screen is laid out the first time it is asked for, not on every start.
	const help = useMemo(() => {
		let rows: readonly ScreenRow[] | undefined;
		return (): readonly ScreenRow[] =>
			(rows ??= helpScreenRows(
				{
					page: helpRows('page', chrome.dir, chrome.lang),
					toc: helpRows('toc', chrome.dir, chrome.lang),
					search: helpRows('search', chrome.dir, chrome.lang),
					goto: helpRows('goto', chrome.dir, chrome.lang),
					links: helpRows('links', chrome.dir, chrome.lang),
					bidi: props.bidi.bidi,
					reason: props.bidi.reason,
					shape: chrome.shape,
				},
				geometry.width,
				chrome,
			));
	}, [chrome, props.bidi, geometry.width]);

	const handleKey = (name: string): void => {
		const current = stateRef.current;
		if (!current) return;
		if (geometry.tooSmall) {
			if (name === 'q' || name === 'ctrl+c') apply({type: 'quit'});
			return;
		}
		const action = actionForKey(current.view, name, {dir: chrome.dir, searching: current.search !== null, sections: book.count});
		if (!action) return;
		if (action.type === 'suspend') {
			propsRef.current.onSuspend?.();
			return;
		}
		if (action.type === 'linkOpen' || action.type === 'linkCopy') {
			const section = book.article.sections[current.section];
			const link = section ? sectionLinks(section)[current.linkCursor] : undefined;
			if (!link) return;
			const say = action.type === 'linkOpen' ? propsRef.current.onOpenLink : propsRef.current.onCopy;
			apply({type: 'showMessage', text: say ? say(link.href) : link.href});
			return;
		}
		const full = action.type === 'helpScroll' ? {...action, length: help().length} : action;
		// A wheel notch scrolls three lines, as in less.
		for (let i = name.startsWith('wheel') && current.view === 'page' ? 3 : 1; i > 0; i--) apply(full);
	};

	useInput((input, key) => {
		try {
			const name = nameKey(input, key);
			// Several characters in one chunk: one key each (see splitKeys).
			if ([...name].length > 1 && name === input && !key.ctrl && !key.meta) for (const one of splitKeys(input)) handleKey(one);
			else handleKey(name);
		} catch (error) {
			const onError = propsRef.current.onError;
			if (!onError) throw error;
			onError(error);
		}
	});

	if (geometry.tooSmall) return <Text wrap="truncate-end">{tooSmallText(geometry.tooSmall, size.columns, chrome)}</Text>;
	return <FrameView state={state} geometry={geometry} book={book} chrome={chrome} color={color} help={help} context={context} />;
}
