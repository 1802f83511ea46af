import type { z } from 'zod';
import type { SettingsContract } from './settings.contract';

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const settingsSchemas: { [C in keyof SettingsContract]: z.ZodType<SettingsContract[C]['args']> } = {};
