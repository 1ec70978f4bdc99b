/** A programme year as a half-open range of China time (UTC+8): the report counts Chinese calendar years. */
export function yearRange(year: number): { from: Date; to: Date; fromDate: string; toDate: string } {
  return {
    from: new Date(`${year}-01-01T00:00:00+08:00`),
    to: new Date(`${year + 1}-01-01T00:00:00+08:00`),
    fromDate: `${year}-01-01`,
    toDate: `${year + 1}-01-01`,
  };
}
