export { reviewBoard, type ReviewPrompt } from './review';
export { buildCorpus, type Corpus, type TextUnit } from './corpus';
export { analyseGraph, roleOf, type GraphFacts, type Role } from './graph';
export { findNumbers, isDerivedRate, isDerivedSize, type FoundNumber, type NumberCategory } from './numbers';
export { findEndpoints, findStatusCodes, findTables, type Endpoint, type Table } from './structure';
export { keyed, stem, tokens, isWordList } from './text';
