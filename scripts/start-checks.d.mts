export function nodeVersionProblem(version: string, range: string): { required: string } | null;
export function electronExecutableName(platform: string): string;
