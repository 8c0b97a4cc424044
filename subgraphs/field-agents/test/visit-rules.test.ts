import { testTransitions } from '@tradegraph/kit/testing';
import { VisitStatus } from '../src/entities';
import { EARTH_RADIUS_METERS, haversineMeters } from '../src/services/geo';
import { visitStatus } from '../src/services/visit-status';
import { assessCheckIn } from '../src/services/visits';
import { fieldAgentSettingsOf } from '../src/settings';

const { PLANNED, IN_PROGRESS, COMPLETED, CANCELLED, MISSED } = VisitStatus;

describe('visit lifecycle', () => {
  testTransitions(visitStatus, {
    allowed: [[PLANNED, IN_PROGRESS], [IN_PROGRESS, COMPLETED], [PLANNED, CANCELLED], [PLANNED, MISSED]],
    refused: [[PLANNED, COMPLETED], [IN_PROGRESS, CANCELLED], [IN_PROGRESS, MISSED], [COMPLETED, IN_PROGRESS], [CANCELLED, PLANNED], [MISSED, IN_PROGRESS]],
  });

  test('a forbidden move is INVALID_TRANSITION naming what is allowed', () => {
    expect(() => visitStatus.assert(PLANNED, COMPLETED)).toThrow('Visit cannot go from PLANNED to COMPLETED (allowed: IN_PROGRESS, CANCELLED, MISSED)');
    try {
      visitStatus.assert(COMPLETED, CANCELLED);
      throw new Error('no error');
    } catch (error) {
      expect((error as { extensions: Record<string, unknown> }).extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: COMPLETED, to: CANCELLED, allowed: [] });
    }
  });
});

/** The spherical law of cosines: a different formula for the same great-circle distance. */
function lawOfCosines(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const r = (d: number) => (d * Math.PI) / 180;
  return EARTH_RADIUS_METERS * Math.acos(Math.sin(r(a.lat)) * Math.sin(r(b.lat)) + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.cos(r(b.lng - a.lng)));
}

describe('haversine distance', () => {
  const brandenburgGate = { lat: 52.516275, lng: 13.377704 };
  const tvTower = { lat: 52.520815, lng: 13.409419 };

  test('Brandenburg Gate to the Berlin TV tower is about 2,204 m, as the law of cosines says', () => {
    const d = haversineMeters(brandenburgGate, tvTower);
    expect(d).toBeGreaterThan(2_190);
    expect(d).toBeLessThan(2_220);
    expect(d).toBeCloseTo(2_204.5, 0);
    expect(Math.abs(d - lawOfCosines(brandenburgGate, tvTower))).toBeLessThan(0.01);
    expect(haversineMeters(tvTower, brandenburgGate)).toBeCloseTo(d, 9);
  });

  test('analytic values: one degree of a meridian, a quarter of the equator, antipodes, zero', () => {
    expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_METERS, 6); // ≈ 111,195 m
    expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 90 })).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_METERS, 3);
    // antipodes: asin near 1 loses precision, still within metres of half the circumference
    expect(Math.abs(haversineMeters({ lat: 10, lng: 20 }, { lat: -10, lng: -160 }) - Math.PI * EARTH_RADIUS_METERS)).toBeLessThan(10);
    expect(haversineMeters(tvTower, tvTower)).toBe(0);
  });

  test('a check-in is off-site beyond the radius; without a customer location it has no distance', () => {
    const fiftyMetresNorth = { lat: tvTower.lat + 50 / ((Math.PI / 180) * EARTH_RADIUS_METERS), lng: tvTower.lng };
    const near = assessCheckIn(fiftyMetresNorth, tvTower, 300);
    expect(near.offSite).toBe(false);
    expect(near.distanceMeters).toBeCloseTo(50, 6);
    expect(assessCheckIn(brandenburgGate, tvTower, 300)).toEqual({ distanceMeters: expect.closeTo(2_204.5, 0), offSite: true });
    expect(assessCheckIn(brandenburgGate, null, 300)).toEqual({ distanceMeters: null, offSite: false });
  });
});

describe('settings', () => {
  test('defaults fill what runtime settings leave out or get wrong', () => {
    expect(fieldAgentSettingsOf(undefined)).toEqual({ checkInRadiusMeters: 300, offSitePolicy: 'RECORD', missedAfterMinutes: 120, missedSweepMs: 60_000 });
    expect(fieldAgentSettingsOf({ offSitePolicy: 'REFUSE', checkInRadiusMeters: -1 })).toMatchObject({ offSitePolicy: 'REFUSE', checkInRadiusMeters: 300 });
  });
});
