/** The Electron executable's path, or undefined when the binary is not installed here. */
export function electronBinary(): string | undefined;
