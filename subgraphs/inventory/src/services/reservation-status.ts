import { StateMachine } from '@tradegraph/kit';
import { ReservationStatus } from '../entities/reservation';

/** A reservation's lifecycle: the one table of allowed status moves. COMMITTED, RELEASED and EXPIRED are final. */
export const reservationStatus = new StateMachine<ReservationStatus>('Reservation', {
  [ReservationStatus.ACTIVE]: [ReservationStatus.COMMITTED, ReservationStatus.RELEASED, ReservationStatus.EXPIRED],
  [ReservationStatus.COMMITTED]: [],
  [ReservationStatus.RELEASED]: [],
  [ReservationStatus.EXPIRED]: [],
});
