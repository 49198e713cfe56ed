/** A response body that is already JSON text (a stored or replayed answer): sent as is, never re-serialised. */
export class SerialisedAnswer {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}
