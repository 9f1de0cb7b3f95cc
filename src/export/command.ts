/** STUB: replaced by the stage that owns this command. Returns the process exit status. */
export async function exportCommand(_opts: Record<string, unknown>): Promise<number> {
  console.error('plansift: not implemented yet');
  return 2;
}
