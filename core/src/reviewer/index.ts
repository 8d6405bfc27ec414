export { reviewBoard, type ReviewPrompt, type ReviewExtras } from './review';
export { buildCorpus, type Corpus, type TextUnit } from './corpus';
export { analyseGraph, roleOf, type GraphFacts, type Role } from './graph';
export { findNumbers, isDerivedRate, isDerivedSize, type FoundNumber, type NumberCategory } from './numbers';
export { findEndpoints, findStatusCodes, findTables, type Endpoint, type Table } from './structure';
export { keyed, stem, tokens, isWordList } from './text';
export { judgeAnswer, expectedPoints, bestItem, type ReviewAnswer, type AnswerKey, type AnswerVerdict } from './answers';
export { checklistOf } from './checklist';
