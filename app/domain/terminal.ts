/** A card terminal the store uses. */
export interface TerminalView {
  serial: string;
  label: string;
  isDefault: boolean;
}
