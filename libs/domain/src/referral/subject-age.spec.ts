import { ageInYears } from './subject-age';

describe('ageInYears', () => {
  it.each([
    ['2010-05-10', '2026-05-09T23:59:59Z', 15],
    ['2010-05-10', '2026-05-10T00:00:00Z', 16],
    ['2008-02-29', '2026-02-28T12:00:00Z', 17],
    ['2008-02-29', '2026-03-01T00:00:00Z', 18],
    ['2026-01-01', '2026-01-01T00:00:00Z', 0],
  ])('born %s, at %s, is %i', (dob, at, expected) => {
    expect(ageInYears(dob, new Date(at))).toBe(expected);
  });
});
