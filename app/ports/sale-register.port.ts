/** Which register rang up a sale (issue 17: `sales.register_id` since migration 017). */
export interface SaleRegisterLookup {
  /** The sale's register, or undefined when there is no such sale. */
  registerOf(saleId: number): number | undefined;
}
