// Catches an exception thrown while rendering, so the reader can restore the
// terminal and print one line instead of Ink's error screen.

import React from 'react';

export interface ErrorBoundaryProps {
	readonly onError: (error: unknown) => void;
	readonly children?: React.ReactNode;
}

export class ErrorBoundary extends React.Component<ErrorBoundaryProps, {failed: boolean}> {
	override state = {failed: false};

	static getDerivedStateFromError(): {failed: boolean} {
		return {failed: true};
	}

	override componentDidCatch(error: unknown): void {
		this.props.onError(error);
	}

	override render(): React.ReactNode {
		return this.state.failed ? null : this.props.children;
	}
}
