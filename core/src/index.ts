export * from './board/kinds';
export * from './board/sections';
export * from './board/schema';
export * from './board/ydoc';
export * from './protocol/events';
export * from './rubric/items';
