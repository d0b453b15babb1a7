// The table of contents, in place of the body.

import React from 'react';
import {PageView} from './page-view.js';

export interface TocProps {
	readonly lines: readonly string[];
	readonly height: number;
}

export function Toc({lines, height}: TocProps): React.JSX.Element {
	return <PageView lines={lines} height={height} />;
}
