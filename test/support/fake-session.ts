import { authorizeBySession, type Authorize, type SessionReader } from '../../app/api/policies';
import type { UserSummary } from '../../app/domain/session';

/** Who is at the register in a dispatch test: nobody, or a user with a role, locked or not. */
export type Seat = null | { role: UserSummary['role']; locked?: boolean };

/** A session reader fixed at one seat, standing in for the SessionService. */
export function sessionAt(seat: Seat): SessionReader {
  const view =
    seat === null
      ? null
      : { user: { id: 7, name: 'Test', role: seat.role }, locked: seat.locked ?? false, since: 0 };
  return { get: () => view, actor: () => (view && !view.locked ? view.user.id : null) };
}

/** The production authorizer over a fixed seat. */
export function authorizeAt(seat: Seat): Authorize {
  return authorizeBySession(sessionAt(seat));
}

/** An unlocked manager meets every policy: for dispatch tests about something else. */
export const asManager: Authorize = authorizeAt({ role: 'manager' });
