// Undo and redo of whole AOI edits (a shape drawn, a vertex moved, an area deleted) as a list of
// commands, each {label, undo(), redo()}. Pure: what a command does is its maker's business.

export function editHistory(onChange = () => {}) {
  const done = [];
  const undone = [];
  const changed = () => onChange();
  /** Moves the latest command from one list to the other, then runs it that way. */
  const step = async (from, to, run) => {
    const c = from.pop();
    if (!c) return;
    to.push(c);
    changed();
    await run(c);
  };
  return {
    /** A new edit: it can be undone, and whatever was undone before can no longer be redone. */
    push(command) { done.push(command); undone.length = 0; changed(); },
    canUndo: () => done.length > 0,
    canRedo: () => undone.length > 0,
    undo: () => step(done, undone, (c) => c.undo()),
    redo: () => step(undone, done, (c) => c.redo()),
    /** Where the list stands now, to go back to with rollback (an edit session cancelled). */
    mark: () => done.length,
    rollback(mark) { done.length = Math.min(done.length, mark); undone.length = 0; changed(); },
    clear() { done.length = 0; undone.length = 0; changed(); },
  };
}
