import { create } from 'zustand';

/** Whether this user has the comments panel open (a view preference, not in the document). */
export const useCommentsUi = create<{ open: boolean }>(() => ({ open: false }));

export const setCommentsOpen = (open: boolean): void => useCommentsUi.setState({ open });
