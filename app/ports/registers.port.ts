import type { RegisterView } from '../domain/registers';

/** A register's row with the hash of its credential (never the credential itself). */
export interface RegisterRecord extends RegisterView {
  /** SHA-256 of the register's credential, 32 bytes. */
  credentialHash: Buffer;
}

/** The registers paired with this store server (migration 018). */
export interface RegistersRepo {
  /** Stores a newly paired register and returns it. */
  insert(input: { name: string; credentialHash: Buffer; pairedAt: number }): RegisterRecord;
  get(id: number): RegisterRecord | undefined;
  /** Every register, oldest first, revoked ones included. */
  list(): RegisterRecord[];
  rename(id: number, name: string): void;
  /** Marks it revoked (first revocation wins; a second one keeps the first time). */
  revoke(id: number, at: number): void;
  touch(id: number, at: number): void;
}
