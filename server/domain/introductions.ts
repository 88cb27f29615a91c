// An introduction's key. One introduction per booth and student: a second scan finds the first,
// and a withdrawal or an index names the introduction from the pair alone.
export const introductionId = (boothId: string, studentId: string): string => `${boothId}:${studentId}`;
