/** The Electron executable's path, or undefined when the binary is not installed here. */
export function electronBinary(): string | undefined;

/** Where `npm start` keeps better-sqlite3 built for Electron's ABI (apart from the Node build in node_modules). */
export function electronSqliteBindingPath(): string;
