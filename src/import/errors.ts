/** The one error the importer throws: its message is short and meant for the teacher. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
