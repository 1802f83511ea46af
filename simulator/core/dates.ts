// Mexico City has had a fixed UTC−06:00 offset since DST was abolished in October 2022, and every Kushki example
// (get-status, cancel 422, webhook authorizationTime) prints −06:00, so a constant offset is exact here.
const OFFSET_MS = -6 * 60 * 60 * 1000;

/** Formats epoch ms as ISO-8601 in America/Mexico_City without milliseconds: `2024-11-11T09:50:57-06:00`. */
export function toMexicoIso(epochMs: number): string {
  const shifted = new Date(Math.floor(epochMs / 1000) * 1000 + OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}-06:00`;
}
