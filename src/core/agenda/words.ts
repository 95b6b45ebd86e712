/**
 * `Ambtelijke meet-up` reads as `ambtelijke meet-up` inside a sentence; a name with capitals inside
 * (`Regiovisie Samen Veilig`, `overleg HGKM`) stays as typed.
 */
export function inSentence(word: string): string {
  return /^\p{Lu}[^\p{Lu}]*$/u.test(word) ? word[0].toLowerCase() + word.slice(1) : word;
}
