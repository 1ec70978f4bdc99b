/** One key per (problem, expert) pair: a team of two or three has several rows per problem. */
export const planPairKey = (row: { problemId: string; expertId: string }) => `${row.problemId}:${row.expertId}`;
