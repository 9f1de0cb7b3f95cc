// Types for the one natural module we import by path (the package index pulls in storage
// back-ends that load dotenv and print to stdout on import).
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  export default function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
}
