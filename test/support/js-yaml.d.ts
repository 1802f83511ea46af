// js-yaml ships no types and @types/js-yaml is not installed; the tests need only `load`.
declare module 'js-yaml' {
  /** Parses one YAML document. */
  export function load(text: string): unknown;
}
