/**
 * The manager's office, settings: channels named `office.settings.*` (or `office.<noun>.<verb>` of this area).
 * Every `office.*` channel needs a signed-in, unlocked manager (see requireManager). Result types live
 * in app/domain/office so the renderer can import them without Node types.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SettingsContract {}

/** This area's channels, in review order; channels.ts checks the union of all areas is complete. */
export const SETTINGS_CHANNELS = [] as const satisfies readonly (keyof SettingsContract)[];
