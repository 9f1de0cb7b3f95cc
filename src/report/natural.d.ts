// Types for the natural module we import by path (the package index loads storage back-ends that pull in
// dotenv, which prints to stdout on import).
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
