// The reader's frame: header, body (a page, the contents or the help) and
// footer, as the rows reader/screen/frame.ts lays out for a state. One Ink
// <Text> per terminal row, with truncate-end so Ink can never re-wrap a line
// (the rows are already at most as wide as the terminal; truncation is a
// safety net). An empty row is drawn as one space so it keeps its height.
import {Box, Text} from 'ink';
import type React from 'react';
import {frameRows, type FrameInput} from '../reader/screen/frame.js';

/** Header, body and footer for a state; exactly as many rows as the terminal has. */
export function FrameView(props: FrameInput): React.JSX.Element {
	const rows = frameRows(props);
	const body = rows.body.slice(0, props.geometry.height);
	// Blank rows pad a short page, so the footer stays at the bottom of the screen.
	while (body.length < props.geometry.height) body.push('');
	const all = [...rows.header, ...body, ...rows.footer, ...(rows.prompt === undefined ? [] : [rows.prompt])];
	return (
		<Box flexDirection="column">
			{all.map((line, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: a row of the screen is its position
				<Text key={i} wrap="truncate-end">
					{line === '' ? ' ' : line}
				</Text>
			))}
		</Box>
	);
}
